// Package health predicts hardware failure: it turns histories of sensor
// readings and events into a risk level and an expected time to failure per
// component, using thresholds with hysteresis, trends, rates and combinations.
package health
