// Package fencing powers a failed peer off through its BMC and confirms that
// it is off before any of its VMs may run elsewhere. It owns the Fencer
// interface, fence levels, the guards against self- and mass fencing, and the
// hardware watchdog used for self-fencing.
package fencing
