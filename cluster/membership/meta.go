package membership

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Meta is what a member tells the others about itself in memberlist's node
// meta: who it is this boot, which run of the agent, and what it can do.
// It is advisory, like everything memberlist says: the replicated state is
// the authority on a host's BMC and watchdog.
type Meta struct {
	// BootID is the kernel's boot id (/proc/sys/kernel/random/boot_id): it
	// changes at every boot, so a fenced host that comes back is known to
	// have rebooted.
	BootID BootID
	// Incarnation counts the agent's starts on this boot id or across
	// boots (the agent keeps it in its store); it rises with every start.
	Incarnation uint64
	// WatchdogArmed says the agent armed a hardware watchdog, so the host
	// resets itself when it loses quorum and cannot stop its VMs.
	WatchdogArmed bool
	// BMC is the host's BMC endpoint ("ipmi://10.0.0.2:623",
	// "redfish+https://10.0.0.2"), never credentials; empty if none.
	BMC string
	// Leaving is set by List.Leave just before memberlist's goodbye, so
	// the others can tell a graceful leave from a failure (memberlist's
	// callbacks do not say which).
	Leaving bool
}

// BootID is a kernel boot id: 16 bytes, written as a UUID.
type BootID [16]byte

// ParseBootID reads a boot id in the kernel's form
// ("8d3e8f2a-6a4c-4f7e-9c1b-2f5e0c7d9a11", a trailing newline allowed).
func ParseBootID(s string) (BootID, error) {
	var id BootID
	t := strings.TrimSpace(s)
	h := strings.ReplaceAll(t, "-", "")
	if len(t) != 36 || len(h) != 32 || t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
		return id, fmt.Errorf("boot id %q: want a UUID like 8d3e8f2a-6a4c-4f7e-9c1b-2f5e0c7d9a11", t)
	}
	if _, err := hex.Decode(id[:], []byte(h)); err != nil {
		return id, fmt.Errorf("boot id %q: %w", t, err)
	}
	return id, nil
}

func (id BootID) String() string {
	h := hex.EncodeToString(id[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// IsZero reports whether the boot id is unset.
func (id BootID) IsZero() bool { return id == BootID{} }

// Meta encoding, version 1 (at most MaxMetaSize bytes, far below
// memberlist's 512-byte limit):
//
//	byte 0      version (1)
//	byte 1      flags: bit 0 watchdog armed, bit 1 leaving; other bits
//	            reserved, zero
//	bytes 2-17  boot id
//	uvarint     incarnation
//	uvarint     length of the BMC endpoint (at most MaxBMCLen), then its bytes
//
// Later versions only append fields: a decoder reads the version-1 fields
// of any version ≥ 1 and ignores what follows; a version-1 record with
// trailing bytes, or with reserved flags set, is refused.
const (
	metaVersion = 1
	// MaxBMCLen bounds the BMC endpoint in the meta.
	MaxBMCLen = 255
	// MaxMetaSize is the largest encoded Meta.
	MaxMetaSize = 2 + 16 + binary.MaxVarintLen64 + 2 + MaxBMCLen

	flagWatchdog = 1 << 0
	flagLeaving  = 1 << 1
	knownFlags   = flagWatchdog | flagLeaving
)

// Errors of the meta codec.
var (
	// ErrMeta marks a node meta that cannot be decoded.
	ErrMeta = errors.New("node meta")
)

// Encode returns the compact wire form of m. It fails when the BMC endpoint
// is too long or not printable text.
func (m Meta) Encode() ([]byte, error) {
	if err := checkBMC(m.BMC); err != nil {
		return nil, err
	}
	b := make([]byte, 0, MaxMetaSize)
	b = append(b, metaVersion)
	var flags byte
	if m.WatchdogArmed {
		flags |= flagWatchdog
	}
	if m.Leaving {
		flags |= flagLeaving
	}
	b = append(b, flags)
	b = append(b, m.BootID[:]...)
	b = binary.AppendUvarint(b, m.Incarnation)
	b = binary.AppendUvarint(b, uint64(len(m.BMC)))
	b = append(b, m.BMC...)
	return b, nil
}

func checkBMC(s string) error {
	if len(s) > MaxBMCLen {
		return fmt.Errorf("%w: BMC endpoint is %d bytes, at most %d", ErrMeta, len(s), MaxBMCLen)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: BMC endpoint is not UTF-8", ErrMeta)
	}
	for _, r := range s {
		if r < 0x21 || r == 0x7f {
			return fmt.Errorf("%w: BMC endpoint %q holds a space or control character", ErrMeta, s)
		}
	}
	return nil
}

// DecodeMeta reads a node meta written by Encode. The bytes come from the
// network (from a peer holding the gossip key, but possibly another version
// or a broken one): every length is checked, nothing is trusted, and the
// error says which field is wrong.
func DecodeMeta(b []byte) (Meta, error) {
	var m Meta
	if len(b) == 0 {
		return m, fmt.Errorf("%w: empty", ErrMeta)
	}
	version := b[0]
	if version == 0 {
		return m, fmt.Errorf("%w: version 0", ErrMeta)
	}
	if len(b) < 18 {
		return m, fmt.Errorf("%w: %d bytes, too short for version, flags and boot id", ErrMeta, len(b))
	}
	flags := b[1]
	if version == metaVersion && flags&^knownFlags != 0 {
		return m, fmt.Errorf("%w: reserved flags %#02x set", ErrMeta, flags&^knownFlags)
	}
	m.WatchdogArmed = flags&flagWatchdog != 0
	m.Leaving = flags&flagLeaving != 0
	copy(m.BootID[:], b[2:18])
	rest := b[18:]
	inc, n := binary.Uvarint(rest)
	if n <= 0 {
		return Meta{}, fmt.Errorf("%w: incarnation: bad varint", ErrMeta)
	}
	m.Incarnation = inc
	rest = rest[n:]
	l, n := binary.Uvarint(rest)
	if n <= 0 {
		return Meta{}, fmt.Errorf("%w: BMC endpoint length: bad varint", ErrMeta)
	}
	rest = rest[n:]
	if l > MaxBMCLen {
		return Meta{}, fmt.Errorf("%w: BMC endpoint length %d, at most %d", ErrMeta, l, MaxBMCLen)
	}
	if uint64(len(rest)) < l {
		return Meta{}, fmt.Errorf("%w: BMC endpoint length %d, only %d bytes left", ErrMeta, l, len(rest))
	}
	m.BMC = string(rest[:l])
	if err := checkBMC(m.BMC); err != nil {
		return Meta{}, err
	}
	rest = rest[l:]
	if version == metaVersion && len(rest) != 0 {
		return Meta{}, fmt.Errorf("%w: %d trailing bytes after version-1 fields", ErrMeta, len(rest))
	}
	return m, nil
}
