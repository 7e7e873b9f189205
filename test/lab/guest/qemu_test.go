package guest

import (
	"slices"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	good := Options{Kernel: "/k", ID: "vm1"}
	cases := []struct {
		name string
		edit func(*Options)
		want string // substring of the error, "" for valid
	}{
		{"defaults", func(*Options) {}, ""},
		{"all set", func(o *Options) { o.MemoryMiB, o.DirtyMiBps, o.SerialFile = 1024, 300, "/tmp/s.log" }, ""},
		{"no kernel", func(o *Options) { o.Kernel = "" }, "Kernel"},
		{"no id", func(o *Options) { o.ID = "" }, "ID"},
		{"id with space", func(o *Options) { o.ID = "vm 1" }, "ID"},
		{"id injects a parameter", func(o *Options) { o.ID = "vm1 dirty=9" }, "ID"},
		{"memory too small", func(o *Options) { o.MemoryMiB = 4 }, "MemoryMiB"},
		{"memory too large", func(o *Options) { o.MemoryMiB = 4096 }, "MemoryMiB"},
		{"negative dirty", func(o *Options) { o.DirtyMiBps = -1 }, "DirtyMiBps"},
		{"dirty too high", func(o *Options) { o.DirtyMiBps = 5000 }, "DirtyMiBps"},
		{"two serials", func(o *Options) { o.SerialFile, o.Serial = "/a", "stdio" }, "at most one"},
		{"comma in serial path", func(o *Options) { o.SerialFile = "/a,b" }, "SerialFile"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := good
			tc.edit(&o)
			err := o.Validate()
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("Validate(%+v) = %v, want error containing %q", o, err, tc.want)
			}
		})
	}
}

func TestQEMUArgs(t *testing.T) {
	cases := []struct {
		name string
		o    Options
		want []string
	}{
		{
			name: "defaults",
			o:    Options{Kernel: "/k.elf", ID: "vm1"},
			want: []string{"-accel", "tcg", "-machine", "pc-q35-7.2", "-m", "64", "-nodefaults", "-display", "none",
				"-kernel", "/k.elf", "-append", "id=vm1 dirty=0", "-serial", "stdio"},
		},
		{
			name: "file serial, dirty, no fill",
			o:    Options{Kernel: "/k.elf", ID: "a", MemoryMiB: 1024, DirtyMiBps: 50, NoFill: true, TouchWord: true, SerialFile: "/s.log", Machine: "q35"},
			want: []string{"-accel", "tcg", "-machine", "q35", "-m", "1024", "-nodefaults", "-display", "none",
				"-kernel", "/k.elf", "-append", "id=a dirty=50 fill=0 touch=word", "-serial", "file:/s.log"},
		},
		{
			name: "socket serial",
			o:    Options{Kernel: "/k.elf", ID: "a", SerialSocket: "/run/s.sock"},
			want: []string{"-accel", "tcg", "-machine", "pc-q35-7.2", "-m", "64", "-nodefaults", "-display", "none",
				"-kernel", "/k.elf", "-append", "id=a dirty=0",
				"-chardev", "socket,id=vigilserial,path=/run/s.sock,server=on,wait=off", "-serial", "chardev:vigilserial"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := QEMUArgs(tc.o); !slices.Equal(got, tc.want) {
				t.Errorf("QEMUArgs(%+v) =\n  %q\nwant\n  %q", tc.o, got, tc.want)
			}
		})
	}
}

func TestQEMUArgsPanicsOnInvalid(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("QEMUArgs with an empty ID did not panic")
		}
	}()
	QEMUArgs(Options{Kernel: "/k"})
}
