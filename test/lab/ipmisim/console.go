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
	buf := make([]byte, 0, 512)
	// readPrompt reads until the console's "> " prompt ends the output.
	readPrompt := func() ([]byte, error) {
		buf = buf[:0]
		tmp := make([]byte, 512)
		for {
			n, err := conn.Read(tmp)
			buf = append(buf, tmp[:n]...)
			if bytes.HasSuffix(buf, []byte("> ")) {
				return buf, nil
			}
			if err != nil {
				return buf, err
			}
		}
	}
	if _, err := readPrompt(); err != nil {
		return "", fmt.Errorf("ipmisim %s: console: no prompt: %w", s.cfg.Name, err)
	}
	var out strings.Builder
	for _, c := range cmds {
		if _, err := conn.Write([]byte(c + "\n")); err != nil {
			return out.String(), fmt.Errorf("ipmisim %s: console %q: %w", s.cfg.Name, c, err)
		}
		b, err := readPrompt()
		if err != nil {
			return out.String(), fmt.Errorf("ipmisim %s: console %q: %w", s.cfg.Name, c, err)
		}
		// Output: echo of the command, then ipmi_sim's lines, then "> ".
		text := strings.ReplaceAll(string(b), "\r", "")
		text = strings.TrimSuffix(text, "> ")
		lines := strings.Split(text, "\n")
		if len(lines) > 0 && strings.Contains(lines[0], strings.TrimSpace(c)) {
			lines = lines[1:]
		}
		body := strings.TrimSpace(strings.Join(lines, "\n"))
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "**") {
				return out.String(), fmt.Errorf("ipmisim %s: console %q: %s", s.cfg.Name, c,
					strings.TrimPrefix(strings.TrimSpace(l), "**"))
			}
		}
		if body != "" {
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
