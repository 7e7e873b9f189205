package ipmisim

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// Console runs ipmi_sim console commands (ipmi_sim_cmd(5)) in one
// conversation and returns their output. A command that ipmi_sim rejects
// ("**..." lines) is an error naming the command.
func (s *Sim) Console(ctx context.Context, cmds ...string) (string, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
	}
	for _, c := range cmds {
		if strings.ContainsAny(c, "\r\n") {
			return "", fmt.Errorf("ipmisim %s: console command %q spans lines", s.cfg.Name, c)
		}
	}
	s.conMu.Lock()
	defer s.conMu.Unlock()
	s.mu.Lock()
	port := s.conPort
	s.mu.Unlock()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return "", fmt.Errorf("ipmisim %s: console: %w", s.cfg.Name, err)
	}
	defer conn.Close()
	dl, _ := ctx.Deadline()
	_ = conn.SetDeadline(dl)
	// ipmi_sim echoes each command line, prints its output and then the
	// "> " prompt; LAN session logs may arrive at any time in between.
	var pending []byte
	tmp := make([]byte, 1024)
	// until reads until match finds the end of what is wanted in pending,
	// returns that part and keeps the rest.
	until := func(match func([]byte) int) ([]byte, error) {
		for {
			if end := match(pending); end >= 0 {
				got := pending[:end]
				pending = append([]byte(nil), pending[end:]...)
				return got, nil
			}
			n, err := conn.Read(tmp)
			pending = append(pending, tmp[:n]...)
			if err != nil {
				if end := match(pending); end >= 0 {
					continue
				}
				return pending, err
			}
		}
	}
	prompt := []byte("> ")
	if _, err := until(func(p []byte) int {
		if i := bytes.Index(p, prompt); i >= 0 {
			return i + len(prompt)
		}
		return -1
	}); err != nil {
		return "", fmt.Errorf("ipmisim %s: console: no prompt: %w", s.cfg.Name, err)
	}
	var out strings.Builder
	for _, c := range cmds {
		if _, err := conn.Write([]byte(c + "\n")); err != nil {
			return out.String(), fmt.Errorf("ipmisim %s: console %q: %w", s.cfg.Name, c, err)
		}
		echo := []byte(c + "\n")
		var bodyStart int
		b, err := until(func(p []byte) int {
			i := bytes.Index(p, echo)
			if i < 0 {
				return -1
			}
			bodyStart = i + len(echo)
			j := bytes.Index(p[bodyStart:], prompt)
			if j < 0 {
				return -1
			}
			return bodyStart + j + len(prompt)
		})
		if err != nil {
			return out.String(), fmt.Errorf("ipmisim %s: console %q: %w", s.cfg.Name, c, err)
		}
		text := strings.ReplaceAll(string(b[bodyStart:len(b)-len(prompt)]), "\r", "")
		lines := strings.Split(text, "\n")
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "**") {
				return out.String(), fmt.Errorf("ipmisim %s: console %q: %s", s.cfg.Name, c,
					strings.TrimPrefix(strings.TrimSpace(l), "**"))
			}
		}
		if body := strings.TrimSpace(text); body != "" {
			out.WriteString(body)
			out.WriteByte('\n')
		}
	}
	return out.String(), nil
}

// errSensor names an unknown sensor.
func errSensor(name string) error {
	return fmt.Errorf("%w: %q (see Sensors)", ErrUnknownSensor, name)
}
