// Package store keeps the agent's local durable state in one bbolt file:
// runtime records of the VMs this host runs, intents written before every
// action, the audit log, sensor history rings and fence records. Every write
// is one bbolt transaction, so a crash at any point leaves a consistent file.
package store
