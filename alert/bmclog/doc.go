// Package bmclog writes vigil's decisions about a host into that host's own
// BMC log, where a technician with nothing but ipmitool or the BMC's web page
// finds them next to the hardware's events: a risk raised (or changed) or
// cleared, an evacuation started and ended, the host fenced, its self-fence,
// its readmission (Map; every other event is left out, and so is any event
// about a VM). Sink writes into this host's BMC; Peers into peers' BMCs.
// Both are alert.Sinks.
//
// Who writes what: the agent that takes a decision writes its record, once,
// into the BMC of the host it is about.
//   - This host's own decisions (its risk raised, changed or cleared, its
//     self-fence, a leader's decisions about itself): its Sink, with the
//     account of bmc:.
//   - The cluster's decisions about a peer (fenced, readmitted, evacuation
//     or drain started and ended), taken by the leader: the leader's Peers,
//     with its fence: account and the peer's BMC endpoint from the
//     cluster's state, so the record lands while the peer is off or cut
//     off. Such an event names its leader in its evidence (DecidedBy); a
//     Sink leaves out every event another host decided, so a copy of the
//     leader's decisions in this host's audit log is never written twice.
//   - Risk is always decided by the host itself (the leader only reads
//     it from the renewals), so no agent writes another host's risk.
//
// IPMI: one Add SEL Entry of an OEM timestamped record (type 0xc9,
// manufacturer 32473, six bytes of vigil's event code: kind, severity, the
// writer's audit log sequence number and a hash of the component; the
// layout is internal/bmc/ownlog's) per decision, each in its own RMCP+
// session at OPERATOR privilege with the account of bmc: (Peers: fence:)
// in the agent's config (a USER account is refused with bmc.ErrPrivilege,
// naming the privilege needed). `ipmitool sel list` shows the records as
// "OEM record c9".
//
// Redfish: a LogEntry POSTed to the first log service (managers', then
// systems') that lists ExternalEntity among its LogPurposes and POST in the
// Allow header of its Entries, with EntryType Oem, OemRecordFormat Vigil, a
// MessageId in the Vigil registry and a Message starting "vigil: HOST". A
// BMC without such a log service is told once in the log (ErrNoLogService)
// and then skipped.
//
// The readers in sensors/ recognise these records (ownlog.IsSEL,
// ownlog.IsLogEntry) and never feed them back into prediction.
//
// Caveats: Send is called from the fan-out's goroutine and blocks at most
// Config.Timeout; a failed write is counted (Stats), logged without
// secrets (the first of each cause as a warning) and returned, and the Sink
// then refuses writes at once until a backoff passes, so a dead BMC costs
// one timeout per backoff, not one per event. Records a Sink loses that way
// stay in the audit log, which is the record of truth; a Sink queues and
// retries nothing. Peers keeps up to PeersConfig.MaxPending records per
// peer and writes them, in order, before the peer's next record and on a
// timer: a peer's BMC that was unreachable when the leader fenced the peer
// still gets the record once it answers.
package bmclog
