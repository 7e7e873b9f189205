// Package ipmi reads a BMC over IPMI 2.0 (RMCP+ lanplus) through
// github.com/bougou/go-ipmi: threshold and discrete sensors with their SDRs,
// and the SEL read incrementally from a remembered cursor.
package ipmi
