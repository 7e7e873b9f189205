//go:build vigil_cpuprofile

package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"
)

// A build with the tag vigil_cpuprofile writes a CPU profile of the
// process to $VIGIL_CPUPROFILE-PID.pprof when it receives SIGUSR1, taken
// over the next $VIGIL_CPUPROFILE_SECONDS (default 60); the file appears
// once the profile is complete. The footprint benchmark
// (test/footprint_bench_test.go) uses it to see where an idle agent's CPU
// goes. The release build has no such path and opens no listener for it.
func init() {
	path := os.Getenv("VIGIL_CPUPROFILE")
	if path == "" {
		return
	}
	window := 60 * time.Second
	if n, err := strconv.Atoi(os.Getenv("VIGIL_CPUPROFILE_SECONDS")); err == nil && n > 0 {
		window = time.Duration(n) * time.Second
	}
	start := make(chan os.Signal, 1)
	signal.Notify(start, syscall.SIGUSR1)
	go func() {
		<-start
		if err := writeCPUProfile(fmt.Sprintf("%s-%d.pprof", path, os.Getpid()), window); err != nil {
			fmt.Fprintf(os.Stderr, "cpuprofile: %v\n", err)
		}
	}()
}

func writeCPUProfile(path string, window time.Duration) error {
	f, err := os.Create(path + ".part")
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	time.Sleep(window)
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".part", path)
}
