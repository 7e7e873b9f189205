// Package health predicts hardware failure: it turns histories of sensor
// readings and events into a risk level (none, low, high, imminent) and an
// expected time to failure per component.
//
// The core type is Predictor: Update takes one sensors.Poll, appends every
// value (and every asserted event, as a sample of 1) to a History, and
// returns a Verdict. Rules:
//   - thresholds: warning is low risk, critical high; a worse status from a
//     value needs two consecutive polls (one glitched reading is not a
//     failure) and clears only with hysteresis (2 °C, 150 RPM or 3 %, 2 %);
//   - trends: a Theil-Sen line over Config.Window heading to a critical
//     threshold gives an ETA (imminent within 10 min, high within 1 h, low
//     within 12 h); it must explain 5 standard errors of change and is never
//     extrapolated beyond 4x the history behind it. Temperatures and fan
//     speeds follow the load and settle, so for them the slower of the
//     window's line and its newest third's is extrapolated, and none when
//     the newest third has levelled off;
//   - rates: correctable ECC per DIMM per hour (SEL events or EDAC
//     counters), repeated predictive-failure / redundancy-lost events,
//     uncorrectable errors, IERR and thermal trips (imminent);
//   - combinations: one failed fan or PSU of a redundant set is low, marked
//     Component.Replace and Verdict.Degraded (replace it: the host takes no
//     new VMs, nothing moves); two are imminent, and so are a failed fan
//     plus a temperature near its limit (in its warning band, within
//     Config.FanLossMargin of critical while rising, or due there within
//     Config.FanLossWithin). A dead spare fan while the load warms the CPU
//     far below its limits is not a reason to evacuate.
//
// History is an interface; *store.Store implements it with bbolt rings so
// a restarted agent keeps its trends, MemHistory is the in-memory one.
// A restarted predictor finds its event rings through KeyLister
// (store.SampleKeys).
package health
