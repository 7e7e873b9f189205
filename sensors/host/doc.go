// Package host reads this host's own kernel signals: EDAC memory error counts,
// hwmon temperatures, fans and voltages, thermal zones, machine checks and
// disk I/O errors, from injectable sysfs and procfs roots.
package host
