// Package host reads this host's own kernel signals: EDAC memory error counts,
// hwmon temperatures, fans and voltages, thermal zones, machine checks and
// disk I/O errors, from injectable sysfs and procfs roots.
//
// Reader (New(Config)) implements sensors.Reader. It reads sysfs directly
// rather than through node_exporter's collectors (which need kingpin flags
// parsed and global paths) or procfs (which covers little of this):
//   - EDAC: /sys/devices/system/edac/mc/mc*/dimm*/dimm_{ce,ue}_count with
//     dimm_label (rank* on older drivers, the mc totals when neither);
//   - hwmon: /sys/class/hwmon/hwmon*/{temp,fan,in,curr,power}*_input, their
//     min/max/crit limits as thresholds and *_alarm/*_fault as states;
//   - thermal zones with their hot and critical trip points;
//   - machine check exceptions: the MCE row of /proc/interrupts;
//   - SCSI disk I/O errors: /sys/block/*/device/ioerr_cnt.
//
// Counters are reported as read (since boot); a nonzero uncorrectable,
// machine-check or I/O error count is a warning, never critical, because it
// may be months old: sensors/health escalates on new errors within the hour. Missing subsystems are not errors (a VM has none of them).
package host
