// Package check is the chaos checker (issue 14): it owns History, what one
// `vigil-lab chaos` run recorded (the lab watcher's guest heartbeats, every
// agent's events, the BMCs' power logs, the faults applied and their
// windows, the VMs' budgets, the hosts' state directory copies), and the
// checks that judge it. Check runs them all and returns a Report.
//
// The package is pure logic over a History: it starts nothing and talks
// to no process, so its tests run on hand-made histories. The runner
// (package test/chaos) fills the History from test/lab and test/agents.
package check
