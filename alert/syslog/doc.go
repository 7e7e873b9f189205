// Package syslog sends the agent's events to a syslog receiver as RFC 5424
// messages with structured data (log/syslog is frozen and speaks neither
// RFC 5424 nor TLS). Sink is an alert.Sink.
//
// # The message
//
//	<PRI>1 TIMESTAMP HOSTNAME vigil PROCID MSGID [vigil@32473 seq=".." kind=".." host=".." vm=".." generation=".."][evidence@32473 KEY="VALUE" ...] MESSAGE
//
// PRI is the configured facility with the event's severity
// (alert.SeverityOf); HOSTNAME is this host's name in vigil; MSGID is the
// event's kind; seq is its place in the audit log (the event id). The
// evidence is one SD-PARAM per key, sorted, non-string values as JSON;
// names are cut to RFC 5424's SD-NAME (32 printable ASCII characters
// without '=', ' ', ']' and '"', others replaced by '_'), values escaped as
// §6.3.3 says ('"', '\' and ']' get a backslash) and made valid UTF-8. A
// message that would not fit the transport (2 KiB over UDP, 8 KiB
// otherwise) loses evidence parameters from the end, then the end of its
// text, and says truncated="true". When events were lost before this one
// (alert.Event.Dropped) the message says dropped="N" and its text ends
// with how many. vigil has no IANA enterprise number: the SD-IDs use
// 32473, RFC 5612's number for documentation.
//
// # Transports
//
// unix:///dev/log (a datagram socket; a stream socket when the path is
// one, messages then end with a newline), udp://HOST:PORT (RFC 5426),
// tcp://HOST:PORT with octet counting (RFC 6587) and tls://HOST:PORT
// (RFC 5425, the server's certificate checked against Config.RootCAs).
//
// # When the receiver is away
//
// Send waits for the receiver, reconnecting with backoff (100 ms doubling
// to 5 s), for as long as its context lasts: the sink is alert.Patient,
// so the fan-out's bounded queue holds the events meanwhile and counts
// what it has no room for; the next message carries the count. A stream
// connection is watched for the receiver closing it even while idle, and
// reconnected at once. TCP cannot tell which of the bytes written just
// before a receiver went away it read: the messages written in the
// ResendWindow before a break are written again after reconnecting,
// marked resent="true", so a restart loses nothing and a receiver may see
// a message twice (seq tells them apart). Datagrams to a UDP receiver
// that is away are lost without a sign.
package syslog
