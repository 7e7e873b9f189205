// Package redfish reads a BMC over Redfish through github.com/stmcginnis/gofish:
// Systems, Chassis thermal and power, Sensors, Health rollups, log services
// and event subscriptions, tolerating single malformed resources.
//
// Reader (New(Config)) implements sensors.Reader. It logs in as fencing
// does (internal/bmc/rfsession): a session (X-Auth-Token), HTTP Basic only
// when the service has no SessionService (then one authenticated GET proves
// the credentials: gofish's Basic "connect" succeeds with any password),
// and a logout at Close. TLS is verified unless Config.Insecure;
// Config.RootCAs replaces the system roots; a plain http:// URL is refused
// unless Config.AllowPlainHTTP. Failures are internal/bmc's causes (401
// bmc.ErrAuth, 403 bmc.ErrPrivilege, an untrusted certificate bmc.ErrCipher,
// no answer bmc.ErrUnreachable and sensors.ErrSourceDown), in the same
// words as fencing's; bmc.Detail keeps the library's own error for logs.
//
// Each Poll walks every Chassis (Thermal, Power, the Sensors collection,
// ThermalSubsystem/Fans, PowerSubsystem/PowerSupplies) and the LogServices
// of chassis, managers and systems with up to Config.Concurrency GETs in
// flight, fetching collections with $expand=. when the service root says
// the BMC supports it (12 GETs instead of 61 for a DMTF mockup), and reports
// only log entries its cursor (LogCursor, one per log service, bounded, kept
// in the agent's store) has not passed: ordered by Created, told apart by
// Id, so a cleared log whose Ids start over is noticed. Every resource is
// decoded into gofish's schema types; when gofish rejects it (one field of
// the wrong type fails its whole decode, e.g. SensorNumber sent as a
// string) the tolerant decoder drops just the fields, elements and
// sub-fields the type cannot take, keeps the rest, and lists what it
// dropped in Poll.Skipped and the log.
//
// A BMC that implements several schema generations shows one sensor in
// several views (a fan in Thermal, ThermalSubsystem/Fans and Sensors);
// each physical sensor is one reading (identity): the same resource, an
// excerpt and the Sensor its DataSourceUri names, or one name and kind in
// several views of a chassis (unique in each) are one sensor, read as the
// newest view shows it (Sensors, then the subsystems, then Thermal and
// Power) with what only an older view has (a PSU's watts). Sensors of
// different chassis stay apart; when they would share a key, their names
// get the chassis Id in front ("1U/CPU Temp"). Thermal and Power entries
// named otherwise than their Sensor, with no link to it (as in DMTF's
// mockups), cannot be told to be the same and stay separate readings.
//
// Events: a Receiver is the HTTPS handler BMCs push events to.
// Reader.Subscribe registers a subscription with it (a random ID and a
// 32-byte secret) and gives the BMC the Destination URL/ID/SECRET and the
// Context "vigil ID". The Receiver accepts a push only with that secret
// (compared in constant time), a body within its limit that decodes as a
// Redfish Event, and the subscription's Context when the event carries one;
// everything else is answered with an error and counted by DropReason
// (Receiver.Stats), since a forged "uncorrectable ECC" event would set off
// an evacuation. StreamSSE follows the ServerSentEventUri (gofish has no
// SSE client) and reopens a dropped stream with Last-Event-ID.
// CheckSubscription tells whether the BMC still has a subscription
// (ErrSubscriptionGone when it dropped it); Subscriptions and
// DeleteSubscription let an agent remove what an earlier run of itself left
// behind, told by the Context prefix of a tagged Receiver ("vigil TAG ").
// Subscribe,
// Unsubscribe and StreamSSE take the Reader's session atomically, log in
// again when a failed Poll dropped it, and retry once on a 401.
// DecodeEvent and DecodeLogEntry are tolerant like the resource decoder.
//
// vigil's own log entries (alert/bmclog writes them; internal/bmc/ownlog
// says how they are marked) and the events a BMC raises about them are
// never reported: the log cursor passes them, but a decision of vigil's is
// not hardware evidence.
//
// Caveats: readings of disabled or absent resources have no value and an
// unknown status; a resource that fails to load is skipped, but an
// authentication failure or an unreachable service fails the whole poll
// (the source is down) and reconnects back off.
package redfish
