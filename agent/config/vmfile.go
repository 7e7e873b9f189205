package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigil-ha/vigil/cluster/state"
	"github.com/vigil-ha/vigil/internal/yamlconf"
)

// DefaultVMRTO is a VM's recovery time budget when its file sets none.
const DefaultVMRTO = time.Minute

// ParseVM checks data, the content of the VM file named file, and returns
// the VM's spec. Like Parse it reports every problem at once, each with the
// file, line and key path ("web1.yaml:9: nics[0].mac: ..."), and refuses
// unknown and duplicate keys. Values are checked by the cluster state's own
// rules (cluster/state), so a file accepted here is a VM the cluster
// accepts; those checks run once the file's shape is right and name the
// line of the key they refuse.
func ParseVM(file string, data []byte) (state.VMSpec, error) {
	var spec state.VMSpec
	d := newDecoder(file)
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return spec, Errors{{File: file, Line: 1, Msg: "empty VM file (want at least version: 1, name:, vcpus: and memory_mib:)"}}
		}
		return spec, Errors{syntaxError(file, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return spec, Errors{{File: file, Line: extra.Line, Msg: "more than one YAML document"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	// Where each key path is, for the state's checks.
	lines := map[string]*yaml.Node{}
	decodeVM(d, root, &spec, lines)
	if len(d.Errs) > 0 {
		return state.VMSpec{}, d.Errs
	}
	if _, err := state.Encode(&state.CreateVM{Spec: spec, Desired: state.Running}); err != nil {
		return state.VMSpec{}, Errors{stateError(file, err, root, lines)}
	}
	return spec, nil
}

func decodeVM(d *decoder, root *yaml.Node, s *state.VMSpec, lines map[string]*yaml.Node) {
	var version int
	mark := func(path string, n *yaml.Node) { lines[path] = d.At(n) }
	seen := d.Mapping(root, "", []yamlconf.Field{
		yamlconf.Required("version", d.integer(&version, 1, 1)),
		yamlconf.Required("name", d.str(&s.Name)),
		yamlconf.Required("vcpus", d.integer(&s.VCPUs, 1, 1<<20)),
		yamlconf.Required("memory_mib", d.int64(&s.MemoryMiB)),
		yamlconf.Optional("disks", func(n *yaml.Node, p string) {
			d.list(n, p, func(i int, c *yaml.Node, cp string) {
				var disk state.Disk
				mark(cp, c)
				dn := d.Mapping(c, cp, []yamlconf.Field{
					yamlconf.Required("path", d.str(&disk.Path)),
					yamlconf.Required("format", d.oneOf(&disk.Format, "qcow2", "raw")),
				})
				for k, kn := range dn {
					mark(cp+"."+k, kn)
				}
				s.Disks = append(s.Disks, disk)
			})
		}),
		yamlconf.Optional("nics", func(n *yaml.Node, p string) {
			d.list(n, p, func(i int, c *yaml.Node, cp string) {
				var nic state.NIC
				mark(cp, c)
				nn := d.Mapping(c, cp, []yamlconf.Field{
					yamlconf.Required("mac", d.str(&nic.MAC)),
					yamlconf.Required("bridge", d.str(&nic.Bridge)),
					yamlconf.Optional("vlan", d.integer(&nic.VLAN, 1, 4094)),
					yamlconf.Optional("vni", d.integer(&nic.VNI, 1, 1<<24-1)),
				})
				for k, kn := range nn {
					mark(cp+"."+k, kn)
				}
				if _, ok := nn["vlan"]; ok {
					if vn, ok := nn["vni"]; ok {
						d.Errorf(d.At(vn), cp+".vni", "a NIC is in a VLAN or a VXLAN VNI, not both")
					}
				}
				s.NICs = append(s.NICs, nic)
			})
		}),
		yamlconf.Optional("ha", func(n *yaml.Node, p string) {
			hn := d.Mapping(n, p, []yamlconf.Field{
				yamlconf.Optional("priority", d.integer(&s.HA.Priority, -1_000_000, 1_000_000)),
				yamlconf.Optional("rto", d.duration(&s.HA.RTO, time.Second, 24*time.Hour)),
				yamlconf.Optional("group", d.str(&s.HA.Group)),
				yamlconf.Optional("postcopy", d.boolean(&s.HA.Postcopy)),
			})
			for k, kn := range hn {
				mark("ha."+k, kn)
			}
		}),
		yamlconf.Optional("extra", d.strList(&s.Extra)),
	})
	for k, n := range seen {
		mark(k, n)
	}
	if s.HA.RTO == 0 {
		s.HA.RTO = DefaultVMRTO
	}
}

// list decodes a sequence, calling each for every element with its path.
func (d *decoder) list(n *yaml.Node, path string, each func(i int, c *yaml.Node, p string)) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(d.At(n), path, "want a list, got %s", yamlconf.Describe(n))
		return
	}
	for i, c := range n.Content {
		each(i, c, fmt.Sprintf("%s[%d]", path, i))
	}
}

func (d *decoder) int64(dst *int64) func(*yaml.Node, string) {
	return func(n *yaml.Node, path string) {
		v, ok := d.Scalar(n, path)
		if !ok {
			return
		}
		i, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n.Tag != "!!int" {
			d.Errorf(n, path, "want a whole number, got %q", v)
			return
		}
		if i < 1 {
			d.Errorf(n, path, "%d: want at least 1", i)
			return
		}
		*dst = i
	}
}

// stateError turns the cluster state's refusal of a spec ("spec.nics[0].mac:
// invalid: ...") into an error at the line of the key it names.
func stateError(file string, err error, root *yaml.Node, lines map[string]*yaml.Node) *Error {
	msg := err.Error()
	// state.Encode prefixes the command ("create vm "x": ").
	if i := strings.Index(msg, "spec."); i >= 0 {
		msg = msg[i+len("spec."):]
	}
	path, rest, ok := strings.Cut(msg, ": ")
	if !ok {
		return &Error{File: file, Line: root.Line, Msg: msg}
	}
	rest = strings.TrimPrefix(rest, state.ErrInvalid.Error()+": ")
	line := root.Line
	for p := path; p != ""; {
		if n, ok := lines[p]; ok {
			line = n.Line
			break
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return &Error{File: file, Line: line, Path: path, Msg: rest}
}
