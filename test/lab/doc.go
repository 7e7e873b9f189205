// Package lab stands up N simulated hypervisor hosts on one machine for tests
// and for `vigil demo`: each host is a network namespace on a management and
// a migration network, fronted by a real BMC simulator, sharing one storage
// directory, with fault injection and a teardown that always runs.
package lab
