package bmclog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/stmcginnis/gofish"
	"github.com/stmcginnis/gofish/schemas"

	"github.com/vigil-ha/vigil/internal/bmc"
	"github.com/vigil-ha/vigil/internal/bmc/ownlog"
	"github.com/vigil-ha/vigil/internal/bmc/rfsession"
)

// redfishWriter POSTs vigil's LogEntries to the Entries of the first log
// service (managers' first, then systems') that lists ExternalEntity among
// its LogPurposes and POST in its Entries' Allow header. It keeps one
// login (a session, Basic without a SessionService) across writes, logs in
// again once on a 401 and logs out at close. The target is found on the
// first write and looked for again after a POST answered 404 or 405; a BMC
// without one is remembered (ErrNoLogService) until the agent restarts.
type redfishWriter struct {
	cfg Redfish
	log *slog.Logger

	// Owned by the Sink's write lock.
	cl      *rfsession.Client
	entries string // the Entries collection written to; "" not found yet
	none    bool   // looked everywhere: no log service takes entries
}

func newRedfishWriter(c Redfish, log *slog.Logger) (*redfishWriter, error) {
	ep, err := rfsession.Endpoint(c.URL, c.AllowPlainHTTP)
	if err != nil {
		return nil, err
	}
	c.URL = ep
	if c.User == "" {
		return nil, errors.New("the Redfish user name is required")
	}
	return &redfishWriter{cfg: c, log: log}, nil
}

func (w *redfishWriter) target() string { return "redfish " + w.cfg.URL }

func (w *redfishWriter) close() {
	if w.cl != nil {
		w.cl.Logout(2 * time.Second)
		w.cl = nil
	}
}

// api returns the login bound to ctx, logging in first when there is none.
func (w *redfishWriter) api(ctx context.Context) (*gofish.APIClient, error) {
	if w.cl == nil {
		cl, err := rfsession.Connect(ctx, rfsession.Config{URL: w.cfg.URL, User: w.cfg.User, Password: w.cfg.Password,
			TLS: bmc.TLS{Insecure: w.cfg.Insecure, RootCAs: w.cfg.RootCAs}, AllowPlainHTTP: w.cfg.AllowPlainHTTP,
			MaxConns: 1, Prove: "/redfish/v1/Managers"})
		if err != nil {
			return nil, err
		}
		w.cl = cl
	}
	return w.cl.API.WithContext(ctx), nil
}

// entry is the LogEntry vigil POSTs: only properties the LogEntry schema
// lets a client write, with ownlog's three markers.
type entry struct {
	EntryType       string
	OemRecordFormat string
	Severity        string
	Message         string
	MessageID       string `json:"MessageId"`
	MessageArgs     []string
}

// write POSTs rec as a LogEntry.
// Equivalent to: curl -X POST https://BMC/redfish/v1/Managers/1/LogServices/ID/Entries -d '{"EntryType":"Oem",...}'.
func (w *redfishWriter) write(ctx context.Context, rec Record) error {
	if w.none {
		return ErrNoLogService
	}
	body := entry{EntryType: "Oem", OemRecordFormat: ownlog.OemRecordFormat, Severity: rec.Code.Severity.Redfish(),
		Message: rec.Message, MessageID: ownlog.MessageID(rec.Code.Kind), MessageArgs: rec.Args}
	for attempt := 0; ; attempt++ {
		err := w.post(ctx, body)
		var re *schemas.Error
		switch {
		case err == nil:
			return nil
		case errors.Is(err, ErrNoLogService):
			return err
		case errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusUnauthorized && w.cl != nil && attempt == 0 && ctx.Err() == nil:
			// The session expired (a login that is refused leaves no
			// client): once more with a new one, without a logout the
			// BMC would refuse too.
			if hc := w.cl.API.HTTPClient; hc != nil {
				hc.CloseIdleConnections()
			}
			w.cl = nil
			continue
		case errors.As(err, &re) && (re.HTTPReturnedStatusCode == http.StatusNotFound || re.HTTPReturnedStatusCode == http.StatusMethodNotAllowed):
			// The log service went away or stopped taking entries
			// (a firmware update): look again next time.
			w.entries = ""
		}
		return bmc.Scrub(rfsession.Classify(ctx, err), w.cfg.Password)
	}
}

func (w *redfishWriter) post(ctx context.Context, body entry) error {
	api, err := w.api(ctx)
	if err != nil {
		return err
	}
	if w.entries == "" {
		if w.entries, err = w.discover(api); err != nil {
			return err
		}
		w.log.Info("writing vigil's decisions to the BMC's log service", "entries", w.entries)
	}
	resp, err := api.Post(w.entries, body)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return nil
}

type odataLink struct {
	ID string `json:"@odata.id"`
}

// discover finds the Entries collection to write to, or ErrNoLogService
// when every log service was read and none takes entries. A resource that
// cannot be read fails the search (it is tried again at the next write).
func (w *redfishWriter) discover(api *gofish.APIClient) (string, error) {
	for _, top := range []string{"/redfish/v1/Managers", "/redfish/v1/Systems"} {
		var coll struct{ Members []odataLink }
		if _, err := getJSON(api, top, &coll); err != nil {
			if notFound(err) {
				continue
			}
			return "", err
		}
		for _, m := range coll.Members {
			var res struct{ LogServices odataLink }
			if _, err := getJSON(api, m.ID, &res); err != nil {
				return "", err
			}
			if res.LogServices.ID == "" {
				continue
			}
			var svcs struct{ Members []odataLink }
			if _, err := getJSON(api, res.LogServices.ID, &svcs); err != nil {
				if notFound(err) {
					continue
				}
				return "", err
			}
			for _, s := range svcs.Members {
				var svc struct {
					LogPurposes []string
					Entries     odataLink
				}
				if _, err := getJSON(api, s.ID, &svc); err != nil {
					return "", err
				}
				if !slices.Contains(svc.LogPurposes, "ExternalEntity") || svc.Entries.ID == "" {
					continue
				}
				hdr, err := getJSON(api, svc.Entries.ID, nil)
				if err != nil {
					return "", err
				}
				if allows(hdr.Values("Allow"), http.MethodPost) {
					return svc.Entries.ID, nil
				}
				w.log.Info("a log service for external entities takes no POST", "service", s.ID, "allow", hdr.Values("Allow"))
			}
		}
	}
	w.none = true
	return "", ErrNoLogService
}

// allows reports whether an Allow header lists method.
func allows(values []string, method string) bool {
	for _, v := range values {
		for _, m := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(m), method) {
				return true
			}
		}
	}
	return false
}

// getJSON GETs path and decodes it into v (nil: only the headers).
func getJSON(api *gofish.APIClient, path string, v any) (http.Header, error) {
	resp, err := api.Get(path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, err
	}
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return resp.Header, nil
}

func notFound(err error) bool {
	var re *schemas.Error
	return errors.As(err, &re) && re.HTTPReturnedStatusCode == http.StatusNotFound
}
