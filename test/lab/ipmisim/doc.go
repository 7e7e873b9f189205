// Package ipmisim runs one real OpenIPMI ipmi_sim as a datacenter-server-like
// BMC for tests and for the lab: IPMI 2.0 / RMCP+ on UDP, three accounts of
// increasing privilege, threshold and discrete sensors with SDRs, a SEL that
// fills up when sensors cross thresholds, and chassis power control that runs
// the caller's shell commands.
//
// Start writes everything ipmi_sim needs into Config.Dir (lan.conf, the .emu
// command file, the sdrcomp source and the compiled SDR repository, a chassis
// control script, password files), starts ipmi_sim, waits until the BMC
// answers a Get Channel Authentication Capabilities request and sets the SEL
// clock to now. The core types are Config, Sim, Role and Sensor; Sensors
// lists the sensor table with the names exactly as
// `ipmitool -I lanplus -C 3 sensor list` prints them:
//
//	sim, err := ipmisim.Start(ctx, ipmisim.Config{Dir: t.TempDir(), OnPowerOff: "kill $(cat host.pid)"})
//	user, passwordFile := sim.User(ipmisim.Operator) // ipmitool ... -L OPERATOR -f passwordFile
//	err = sim.SetFan(ctx, 1, 800)                     // FAN1 below lower critical: SEL events
//	err = sim.FailPSU(ctx, 2)                         // "Failure detected", redundancy lost
//
// Fault injection goes through ipmi_sim's line console (bound to loopback
// only): SetSensor converts a real value to the raw byte with the sensor's
// SDR factors, SetBit drives a discrete sensor's offsets, and FailFan,
// FailPSU, RaiseECC and SetTemperature wrap the common cases; AddSEL appends
// a record. Injected values are remembered and replayed after a restart, as
// a real BMC reboot keeps the physical readings. The Power Unit sensor
// follows the chassis power by itself ("Power off/down" asserted while off,
// with SEL events), whoever switched it. SetReachable, SetLoss and
// SetDelay fault the BMC's network without root or namespaces, and
// Config.LockoutAfter locks an account after failed logins in a row, so
// that clients can be tested for not locking out their own account.
//
// Caveats, all measured against ipmi_sim 1.0.13 (openipmi 2.0.33, Debian 12):
//   - ipmi_sim does not cap an RMCP+ session at the account's privilege when
//     the client asks for more with name-only lookup (ipmitool always does):
//     a USER account asking for ADMINISTRATOR gets it. Sim therefore fronts
//     ipmi_sim with a small UDP relay in the calling process that answers
//     such an RAKP 1 with RAKP 2 status 0x09 ("invalid role" in ipmitool's
//     words), as real BMCs do; ipmi_sim itself listens on a loopback port.
//     Clients must ask for the account's level (`ipmitool -L OPERATOR`).
//     Config.NoPrivilegeGuard serves ipmi_sim directly instead.
//   - Clients must pin cipher suite 3 (`ipmitool -C 3`); cipher suite 2
//     (from go-ipmi) crashes ipmi_sim. Sim notices (Alive, Err, Crashes);
//     Restart, or Config.AutoRestart, brings it back with the same ports,
//     SEL, power state and injected readings.
//   - The chassis control program runs synchronously inside ipmi_sim: a slow
//     OnPowerOff/OnPowerOn stalls the BMC for that long. Hooks run in their
//     own session (setsid), so Close and Restart never kill what OnPowerOn
//     started; those processes belong to the caller.
//   - ipmi_sim writes LAN session logs to every console connection; one
//     that hits a console client that has just hung up raises SIGPIPE,
//     which kills it. Sim starts ipmi_sim with SIGPIPE ignored.
//   - ipmi_sim's Open Session Response carries no valid privilege level:
//     FreeIPMI tools need `workaround-flags opensesspriv` (ipmitool and
//     go-ipmi do not care).
//   - ipmitool reports discrete sensors as "ok" whatever their offsets; read
//     the state bits (`ipmitool sensor get`) or decode them yourself.
//   - ipmi_sim is started with a parent-death signal, so it dies with the
//     test process; the signal fires when the starting OS thread exits, so
//     do not call Start from a goroutine locked to a thread that ends (for
//     instance one that entered another network namespace). Everything runs
//     in the caller's network namespace.
package ipmisim
