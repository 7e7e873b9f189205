// Package redfishsim is an in-process Redfish BMC simulator (net/http) for
// vigil's sensors and fencing tests and for the lab. It behaves the way real
// BMCs do where that matters to a client:
//
//   - a resource tree per the DMTF schema (ServiceRoot, Systems with
//     PowerState and #ComputerSystem.Reset, Chassis with Thermal, Power,
//     ThermalSubsystem, PowerSubsystem and Sensors, Managers with a SEL
//     LogService, SessionService, EventService, TaskService), either built
//     from Config or loaded from a DMTF mockup directory (Config.Mockup) with
//     the Systems' Reset action working on top of it;
//   - HTTPS with a CA generated per simulator (CACertPool, CAFile), or plain
//     HTTP; Basic and session (X-Auth-Token) authentication, 401 for
//     everything but the service root, odata and $metadata documents when the
//     credentials are wrong; an optional mode without a SessionService so
//     clients exercise their fallback to Basic; optional account lockout;
//   - Reset with a delay before PowerState changes (real BMCs take 1-10 s),
//     a configurable set of allowed ResetTypes (400 with a Redfish error body
//     otherwise), an OnPower hook called before the new state is visible, and
//     optionally a 202 answer with a task monitor;
//   - EventService subscriptions (POST creates; events are pushed as JSON to
//     the Destination, filtered by EventTypes, RegistryPrefixes, MessageIds,
//     ResourceTypes, OriginResources) and a Server-Sent Events stream at
//     ServerSentEventUri ($filter with eq/and/or; Last-Event-ID replays);
//   - optionally (Config.ExternalLog) a LogService for external entities
//     (LogPurposes ExternalEntity) whose Entries collection answers Allow:
//     GET, HEAD, POST and creates a LogEntry from a client's POST, raising an
//     event for it; Config.ExternalLogReadOnly shows the same log without
//     POST (405). Every other log entry collection answers Allow: GET, HEAD;
//   - fault injection: SetReading, SetHealth, FailFan, FailPSU, RaiseECC
//     (DIMM MemoryMetrics), AddLogEntry and Repair, each of which also
//     writes a SEL entry and emits an event; SetField and SetRaw to serve
//     wrongly typed or malformed JSON; SetDelay ("slow") and SetDown ("dead
//     BMC") modes; SetPower and NotePower for power changes made outside a
//     Reset.
//
// The core type is Sim. All resources live in one map from path to decoded
// JSON object guarded by one mutex, so fault injection works the same on the
// built-in tree and on a mockup. Components are found by Name, Id or
// @odata.id: the built-in tree uses the same Name for a sensor in every view
// (Thermal, Sensors, ThermalSubsystem), so one SetReading updates them all;
// the DMTF mockups name the same sensor differently per view, so there a
// fault reaches only the views whose names match (plus a Fan's DataSourceUri
// sensor).
//
// Caveats: no $filter on collections, no $select or paging; $expand expands
// collection members one level; pushed events skip TLS verification unless
// Config.PushRootCAs is set, as most BMCs do; OnPower hooks must not call
// SetPower or NotePower.
package redfishsim
