// Package bmc is the plumbing vigil's four BMC clients share (sensors/ipmi,
// sensors/redfish, fencing/ipmi, fencing/redfish), so that they fail in the
// same words, hide secrets the same way and talk HTTPS the same way.
//
// It owns:
//   - the vocabulary of failures: five causes a technician can act on
//     (ErrUnreachable, ErrAuth, ErrPrivilege, ErrCipher, ErrUnsupported),
//     their machine names (Kind, KindOf) and Error, a classified failure that
//     keeps the client library's raw error for logs (Detail) but shows only
//     the cause and what to do about it;
//   - classification from what the wire said, protocol by protocol but
//     without the client libraries: RAKP status codes and completion codes
//     for IPMI (RAKPStatus, OpenSessionStatus, CompletionCode), HTTP status
//     codes for Redfish (HTTPStatus), and transport errors for both
//     (Transport: timeouts, refused connections, TLS and certificates). The
//     glue that pulls those numbers out of go-ipmi and gofish errors is
//     internal/rmcp and internal/bmc/rfsession;
//   - redaction: Redacted is the face every config holding a password shows
//     to fmt (every verb, %#v included), slog and encoding/json; Scrub keeps
//     a password out of an error's text;
//   - Latch, the exponential backoff a reader keeps after a BMC failed, which
//     also remembers why it failed;
//   - HTTPClient, the one HTTPS transport for Redfish (HTTP/1.1 only; its doc
//     says why).
//
// Nothing here touches the network by itself. Sentinels are shared by value:
// fencing.ErrAuth is bmc.ErrAuth, so errors.Is matches either name.
package bmc
