package metrics

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/vigil-ha/vigil/alert"
	"github.com/vigil-ha/vigil/sensors/redfish"
)

var (
	descAlertDelivered = prometheus.NewDesc("vigil_alert_delivered_total",
		"Events an alert sink (syslog, journal, bmclog) delivered.", []string{"sink"}, nil)
	descAlertDropped = prometheus.NewDesc("vigil_alert_dropped_total",
		"Events an alert sink lost: its queue was full (queue_full) or its send failed (send_failed).", []string{"sink", "reason"}, nil)
	descAlertQueued = prometheus.NewDesc("vigil_alert_queue_length",
		"Events waiting in an alert sink's queue.", []string{"sink"}, nil)
	descAlertCapacity = prometheus.NewDesc("vigil_alert_queue_capacity",
		"The bound of an alert sink's queue.", []string{"sink"}, nil)
	descAlertSinkEvents = prometheus.NewDesc("vigil_alert_sink_events_total",
		"What happened inside an alert sink: syslog's reconnects, messages written again after a broken connection (resent), and those a break may have lost beyond its resend bound (unsure).", []string{"sink", "event"}, nil)
)

type alertCollector struct{ stats func() []alert.SinkStats }

func (alertCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descAlertDelivered
	ch <- descAlertDropped
	ch <- descAlertQueued
	ch <- descAlertCapacity
	ch <- descAlertSinkEvents
}

func (c alertCollector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.stats() {
		ch <- prometheus.MustNewConstMetric(descAlertDelivered, prometheus.CounterValue, float64(s.Delivered), s.Sink)
		ch <- prometheus.MustNewConstMetric(descAlertDropped, prometheus.CounterValue, float64(s.Dropped), s.Sink, "queue_full")
		ch <- prometheus.MustNewConstMetric(descAlertDropped, prometheus.CounterValue, float64(s.Failed), s.Sink, "send_failed")
		ch <- prometheus.MustNewConstMetric(descAlertQueued, prometheus.GaugeValue, float64(s.Queued), s.Sink)
		ch <- prometheus.MustNewConstMetric(descAlertCapacity, prometheus.GaugeValue, float64(s.Capacity), s.Sink)
		for event, n := range s.Counters {
			ch <- prometheus.MustNewConstMetric(descAlertSinkEvents, prometheus.CounterValue, float64(n), s.Sink, event)
		}
	}
}

var (
	descPushes = prometheus.NewDesc("vigil_redfish_pushes_total",
		"Redfish event pushes the receiver accepted from a subscribed BMC.", nil, nil)
	descPushEvents = prometheus.NewDesc("vigil_redfish_push_events_total",
		"Event records in the accepted Redfish pushes.", nil, nil)
	descPushDropped = prometheus.NewDesc("vigil_redfish_push_dropped_total",
		"Redfish pushes the receiver refused, by reason.", []string{"reason"}, nil)
)

type receiverCollector struct{ stats func() redfish.ReceiverStats }

func (receiverCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descPushes
	ch <- descPushEvents
	ch <- descPushDropped
}

func (c receiverCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.stats()
	ch <- prometheus.MustNewConstMetric(descPushes, prometheus.CounterValue, float64(s.Accepted))
	ch <- prometheus.MustNewConstMetric(descPushEvents, prometheus.CounterValue, float64(s.Events))
	for reason, n := range s.Dropped {
		ch <- prometheus.MustNewConstMetric(descPushDropped, prometheus.CounterValue, float64(n), string(reason))
	}
}
