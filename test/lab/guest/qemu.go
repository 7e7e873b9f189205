package guest

import (
	"errors"
	"fmt"
	"strconv"
)

// DefaultMachine is the pinned machine type: migration between QEMU
// versions needs the same versioned type on both sides (LAB.md).
const DefaultMachine = "pc-q35-7.2"

// MaxMemoryMiB is the largest guest the kernel can use: it runs without
// paging, below 4 GiB, and q35 keeps RAM up to 2 GiB below the PCI hole.
const MaxMemoryMiB = 2048

// MaxDirtyMiBps is the largest dirty rate the guest accepts.
const MaxDirtyMiBps = 4000

// Options describe one guest for QEMUArgs.
type Options struct {
	Kernel     string // path returned by Build (required)
	ID         string // identity in every heartbeat (required): letters, digits, . _ -, at most 63
	MemoryMiB  int    // -m; 0 means 64
	DirtyMiBps int    // MiB per second to dirty once the initial fill is done
	NoFill     bool   // skip filling RAM with random data at boot
	TouchWord  bool   // dirty one word per page instead of rewriting whole pages (cheaper, compressible)
	Machine    string // -machine; "" means DefaultMachine

	// Serial output (COM1), at most one of these; none means -serial stdio.
	SerialFile   string // -serial file:PATH (QEMU truncates it)
	SerialSocket string // QEMU listens on this unix socket (server=on,wait=off); heartbeats are lost while nobody is connected
	Serial       string // raw -serial argument, e.g. "stdio" or "chardev:ID" for a -chardev of your own
}

// Validate reports the first invalid field, naming it.
func (o Options) Validate() error {
	if o.Kernel == "" {
		return errors.New("guest options: Kernel is empty (use the path from Build)")
	}
	if err := validID(o.ID); err != nil {
		return fmt.Errorf("guest options: ID: %w", err)
	}
	if o.MemoryMiB != 0 && (o.MemoryMiB < 8 || o.MemoryMiB > MaxMemoryMiB) {
		return fmt.Errorf("guest options: MemoryMiB %d outside 8..%d", o.MemoryMiB, MaxMemoryMiB)
	}
	if o.DirtyMiBps < 0 || o.DirtyMiBps > MaxDirtyMiBps {
		return fmt.Errorf("guest options: DirtyMiBps %d outside 0..%d", o.DirtyMiBps, MaxDirtyMiBps)
	}
	n := 0
	for _, s := range []string{o.SerialFile, o.SerialSocket, o.Serial} {
		if s != "" {
			n++
		}
	}
	if n > 1 {
		return errors.New("guest options: set at most one of SerialFile, SerialSocket, Serial")
	}
	for name, v := range map[string]string{"SerialFile": o.SerialFile, "SerialSocket": o.SerialSocket, "Machine": o.Machine} {
		for _, c := range v {
			if c == ',' || c < ' ' {
				return fmt.Errorf("guest options: %s %q contains a comma or control character", name, v)
			}
		}
	}
	return nil
}

func validID(id string) error {
	if id == "" {
		return errors.New("empty")
	}
	if len(id) > 63 {
		return fmt.Errorf("%q longer than 63 bytes", id)
	}
	for _, c := range []byte(id) {
		if !idChar(c) {
			return fmt.Errorf("%q: only letters, digits, '.', '_' and '-' allowed", id)
		}
	}
	return nil
}

func idChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}

// QEMUArgs returns qemu-system-x86_64 arguments that boot the guest under
// TCG: -accel, -machine, -m, -nodefaults, -display, -kernel, -append and the
// serial port. Callers add -name, -qmp, -incoming, network devices. It
// panics on Options that fail Validate (a programming error); call Validate
// first for options that come from outside.
func QEMUArgs(o Options) []string {
	if err := o.Validate(); err != nil {
		panic(err)
	}
	mem := o.MemoryMiB
	if mem == 0 {
		mem = 64
	}
	machine := o.Machine
	if machine == "" {
		machine = DefaultMachine
	}
	appendArg := "id=" + o.ID + " dirty=" + strconv.Itoa(o.DirtyMiBps)
	if o.NoFill {
		appendArg += " fill=0"
	}
	if o.TouchWord {
		appendArg += " touch=word"
	}
	args := []string{
		"-accel", "tcg",
		"-machine", machine,
		"-m", strconv.Itoa(mem),
		"-nodefaults",
		"-display", "none",
		"-kernel", o.Kernel,
		"-append", appendArg,
	}
	switch {
	case o.SerialFile != "":
		args = append(args, "-serial", "file:"+o.SerialFile)
	case o.SerialSocket != "":
		args = append(args, "-chardev", "socket,id=vigilserial,path="+o.SerialSocket+",server=on,wait=off",
			"-serial", "chardev:vigilserial")
	case o.Serial != "":
		args = append(args, "-serial", o.Serial)
	default:
		args = append(args, "-serial", "stdio")
	}
	return args
}
