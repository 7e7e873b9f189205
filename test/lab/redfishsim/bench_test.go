package redfishsim

import (
	"io"
	"net/http"
	"sync"
	"testing"
)

// BenchmarkWalkMockup GETs every resource of the rackmount mockup once per
// iteration over keep-alive TLS connections, with 1 and 8 concurrent
// clients: the simulator's own cost of a full walk.
func BenchmarkWalkMockup(b *testing.B) {
	dir, err := FindMockup(MockupRackmount)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Mockup: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.Start("127.0.0.1:0"); err != nil {
		b.Fatal(err)
	}
	paths := s.Paths()
	user, pass := s.Credentials()
	for _, workers := range []int{1, 8} {
		b.Run(map[int]string{1: "serial", 8: "concurrent8"}[workers], func(b *testing.B) {
			hc := s.HTTPClient()
			hc.Transport.(*http.Transport).MaxIdleConnsPerHost = workers
			get := func(p string) {
				req, _ := http.NewRequest("GET", s.URL()+p, nil)
				req.SetBasicAuth(user, pass)
				resp, err := hc.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			b.ReportMetric(float64(len(paths)), "resources")
			for b.Loop() {
				ch := make(chan string)
				var wg sync.WaitGroup
				for range workers {
					wg.Go(func() {
						for p := range ch {
							get(p)
						}
					})
				}
				for _, p := range paths {
					ch <- p
				}
				close(ch)
				wg.Wait()
			}
		})
	}
}
