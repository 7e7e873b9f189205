package yamlconf

import (
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// decodeTest walks a small schema both config files share the shape of:
//
//	name: STRING            # required
//	tls: {ca_file: STRING}  # required, ca_file required
//	peers: [STRING, ...]    # optional
func decodeTest(t *testing.T, src string) Errors {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("yaml.Unmarshal(%q): %v", src, err)
	}
	d := &Decoder{File: "f.yaml"}
	var name, ca string
	var peers []string
	str := func(dst *string) func(*yaml.Node, string) {
		return func(n *yaml.Node, p string) {
			if v, ok := d.Scalar(n, p); ok {
				*dst = v
			}
		}
	}
	d.Mapping(doc.Content[0], "", []Field{
		Required("name", str(&name)),
		Required("tls", func(n *yaml.Node, p string) {
			d.Mapping(n, p, []Field{Required("ca_file", str(&ca))})
		}),
		Optional("peers", func(n *yaml.Node, p string) {
			if n.Kind != yaml.SequenceNode {
				d.Errorf(d.At(n), p, "want a list, got %s", Describe(n))
				return
			}
			for _, c := range n.Content {
				var v string
				str(&v)(c, p+"[]")
				peers = append(peers, v)
			}
		}),
	})
	return d.Errs
}

func TestMapping(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // Error() of each problem, in order
	}{
		{"valid", "name: a\ntls: {ca_file: /ca}\npeers: [b, c]\n", nil},
		{"unknown key lists the known ones", "name: a\nnmae: b\ntls: {ca_file: /ca}\n",
			[]string{"f.yaml:2: nmae: unknown key (known: name, tls, peers)"}},
		{"unknown nested key has the full path", "name: a\ntls:\n  ca_file: /ca\n  ca: x\n",
			[]string{"f.yaml:4: tls.ca: unknown key (known: ca_file)"}},
		{"missing top-level key is reported at the first line", "tls: {ca_file: /ca}\n",
			[]string{"f.yaml:1: name: required"}},
		{"required in a block mapping is at its key's line", "name: a\n\ntls:\n  other: 1\n",
			[]string{"f.yaml:4: tls.other: unknown key (known: ca_file)", "f.yaml:3: tls.ca_file: required"}},
		{"wrong kind: a list for a mapping, at the key", "name: a\ntls:\n  - x\n",
			[]string{"f.yaml:2: tls: want a mapping of keys, got a list"}},
		{"wrong kind: a mapping for a value", "name:\n  first: a\ntls: {ca_file: /ca}\n",
			[]string{"f.yaml:1: name: want a value, got a mapping"}},
		{"wrong kind: nothing for a value", "name:\ntls: {ca_file: /ca}\n",
			[]string{"f.yaml:1: name: want a value, got nothing"}},
		{"wrong kind: a scalar for a list", "name: a\ntls: {ca_file: /ca}\npeers: b\n",
			[]string{`f.yaml:3: peers: want a list, got "b"`}},
		{"wrong kind: the document", "- a\n",
			[]string{"f.yaml:1: want a mapping of keys, got a list"}},
		{"duplicate key names the first key's line", "name: a\ntls:\n  ca_file: /ca\ntls:\n  ca_file: /cb\n",
			[]string{"f.yaml:4: tls: duplicate key (first on line 2)"}},
		{"key that is not a name", "name: a\ntls: {ca_file: /ca}\n? [x]\n: 1\n",
			[]string{"f.yaml:3: keys must be plain names, got a list"}},
		{"every problem, in file order", "nam: a\ntls:\n  ca_file: [x]\npeers: [a, {b: c}]\n", []string{
			"f.yaml:1: nam: unknown key (known: name, tls, peers)",
			"f.yaml:3: tls.ca_file: want a value, got a list",
			"f.yaml:4: peers[]: want a value, got a mapping",
			"f.yaml:1: name: required",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := decodeTest(t, tt.src)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("decode(%q) =\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestError(t *testing.T) {
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "f.yaml", Line: 3, Path: "a.b[1]", Msg: "bad"}, "f.yaml:3: a.b[1]: bad"},
		{Error{File: "f.yaml", Path: "a", Msg: "bad"}, "f.yaml: a: bad"},
		{Error{File: "f.yaml", Line: 1, Msg: "more than one YAML document"}, "f.yaml:1: more than one YAML document"},
		{Error{File: "f.yaml", Msg: "no such file"}, "f.yaml: no such file"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.e, got, tt.want)
		}
	}
	var err error = Errors{&tests[0].e, &tests[1].e}
	if got, want := err.Error(), "f.yaml:3: a.b[1]: bad\nf.yaml: a: bad"; got != want {
		t.Errorf("Errors.Error() = %q, want %q", got, want)
	}
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Errorf("errors.As(Errors) = %v, want the two problems", es)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"{a: 1}", "a mapping"},
		{"[1]", "a list"},
		{"~", "nothing"},
		{`"x y"`, `"x y"`},
		{"3", `"3"`},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &doc); err != nil {
			t.Fatal(err)
		}
		if got := Describe(doc.Content[0]); got != tt.want {
			t.Errorf("Describe(%s) = %s, want %s", tt.src, got, tt.want)
		}
	}
	if got := Describe(&yaml.Node{Kind: yaml.AliasNode}); got != "an alias" {
		t.Errorf("Describe(alias) = %s, want an alias", got)
	}
}
