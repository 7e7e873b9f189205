// Package test holds vigil's end-to-end tests. They run against the lab
// (package test/lab): simulated hosts in network namespaces with real BMC
// simulators and real QEMU guests.
package test
