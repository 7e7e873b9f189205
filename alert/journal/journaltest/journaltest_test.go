package journaltest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// encode writes fields as go-systemd does: NAME=value, or the binary-safe
// form for values with a newline.
func encode(fields [][2]string) []byte {
	var b bytes.Buffer
	for _, f := range fields {
		if strings.Contains(f[1], "\n") {
			fmt.Fprintln(&b, f[0])
			binary.Write(&b, binary.LittleEndian, uint64(len(f[1])))
			fmt.Fprintln(&b, f[1])
			continue
		}
		fmt.Fprintf(&b, "%s=%s\n", f[0], f[1])
	}
	return b.Bytes()
}

func TestParse(t *testing.T) {
	in := [][2]string{{"MESSAGE", "two\nlines\n"}, {"PRIORITY", "3"}, {"VIGIL_EVIDENCE", `{"a":"b=c"}`}, {"X", ""}, {"X", "="}}
	e, err := Parse(encode(in))
	if err != nil {
		t.Fatal(err)
	}
	if e.Get("MESSAGE") != "two\nlines\n" || e.Get("PRIORITY") != "3" || e.Get("VIGIL_EVIDENCE") != `{"a":"b=c"}` || len(e["X"]) != 2 || e["X"][1] != "=" {
		t.Errorf("Parse = %q", e)
	}
	for _, bad := range []string{"MESSAGE=x", "lower=x\n", "_PID=1\n", "1A=x\n", "MESSAGE\n\x05\x00\x00\x00\x00\x00\x00\x00ab\n", "MESSAGE\n\x01\x00\x00\x00\x00\x00\x00\x00ab", "MESSAGE\n\x01\x00"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) = nil error", bad)
		}
	}
}

// FuzzParse: no input panics Parse, and what encode writes reads back.
func FuzzParse(f *testing.F) {
	f.Add([]byte("MESSAGE=hi\nPRIORITY=5\n"), "MESSAGE", "a\nb")
	f.Add([]byte("M\n\x03\x00\x00\x00\x00\x00\x00\x00a\nb\n"), "VIGIL_HOST", "")
	f.Add([]byte("M\n\xff\xff\xff\xff\xff\xff\xff\xff"), "A", "=\n=")
	f.Fuzz(func(t *testing.T, raw []byte, name, value string) {
		Parse(raw)
		if checkName(name) != nil {
			return
		}
		e, err := Parse(encode([][2]string{{name, value}, {"END", "1"}}))
		if err != nil || e.Get(name) != value || e.Get("END") != "1" {
			t.Fatalf("%s=%q read back as %q, %v", name, value, e, err)
		}
	})
}
