//
// SPDX-License-Identifier: BSD-3-Clause
//

package schemas

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// TestAPICall captures the arguments to one of the API calls.
type TestAPICall struct {
	// Action is the REST action (GET, PUT, etc) of the call
	Action string
	// URL is the URL to send to
	URL string
	// Payload is the string representation of the payload
	Payload string
	// CustomHeaders is the Map that holds customer HTTP headers
	CustomHeaders map[string]string
}

// TestClient is a mock client to use for unit testing some of the
// function calls and actions that would normally need to connect
// with a host.
type TestClient struct {
	mu sync.Mutex
	// calls collects any API calls made through the client
	calls []TestAPICall
	// CustomReturnForActions can be used to define custom
	// return for actions, valid keys are:
	// http.MethodGet, http.MethodPost, http.MethodPut,
	// http.MethodPatch and http.MethodDelete.
	// For each key it is possible to define a list of
	// returns (in the order they should be returned).
	CustomReturnForActions map[string][]any
	Settings               ClientSettings
}

// CapturedCalls gets all calls that were made through this instance
func (c *TestClient) CapturedCalls() []TestAPICall {
	return c.calls
}

// actionCount returns how many actions
// of a specific type were already recorded.
func (c *TestClient) actionCount(action string) int {
	var actionCount int
	for _, call := range c.calls {
		if call.Action == action {
			actionCount++
		}
	}
	return actionCount
}

// getCustomReturnForAction gets the custom return for the action
func (c *TestClient) getCustomReturnForAction(action string) any {
	switch action {
	case http.MethodGet, http.MethodPost,
		http.MethodPut, http.MethodPatch,
		http.MethodDelete:
		customReturnForAction, ok := c.CustomReturnForActions[action]
		if !ok ||
			customReturnForAction == nil ||
			customReturnForAction[c.actionCountIndex(action)] == nil {
			return nil
		}
		return customReturnForAction[c.actionCountIndex(action)]
	}
	return nil
}

// actionCountIndex returns the index that should be used
// to get the custom return from CustomReturnForActions.
func (c *TestClient) actionCountIndex(action string) int {
	return c.actionCount(action) - 1
}

// getPayloadToBeRecorded returns the payload that will
// be recorded for the call.
func (c *TestClient) getPayloadToBeRecorded(payload any) string {
	// when possible do Marshal/Unmarshal of the payload
	// in order to have the json keys when using interfaces
	// in the payload.
	if payload != nil {
		payloadMarshaled, err := json.Marshal(payload)
		if err != nil {
			return fmt.Sprintf("%v", payload)
		}
		var payloadInterface any
		err = json.Unmarshal(payloadMarshaled, &payloadInterface)
		if err != nil {
			return fmt.Sprintf("%v", payload)
		}
		// Specifically to the test client since we are round-tripping the marshaling
		// of the payload, need to strip out empty payloads.
		return strings.ReplaceAll(fmt.Sprintf("%v", payloadInterface), "map[]", "")
	}

	return ""
}

// Reset resets the captured information for this mock client.
func (c *TestClient) Reset() {
	c.calls = []TestAPICall{}
	c.CustomReturnForActions = map[string][]any{}
}

// recordCall is a helper to record any API calls made through this client
func (c *TestClient) recordCall(action, url string, payload any, customHeaders map[string]string) {
	call := TestAPICall{
		Action:        action,
		URL:           url,
		Payload:       c.getPayloadToBeRecorded(payload),
		CustomHeaders: customHeaders,
	}

	c.calls = append(c.calls, call)
}

func (c *TestClient) performAction(action, url string, payload any, customHeaders map[string]string) (*http.Response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.recordCall(action, url, payload, customHeaders)
	customReturnForAction := c.getCustomReturnForAction(action)
	if customReturnForAction == nil {
		body := io.NopCloser(strings.NewReader(""))
		return &http.Response{Body: body}, nil
	}

	resp := customReturnForAction.(*http.Response)
	// Mirror the real client: a 304 is a successful conditional-GET response
	// returned intact alongside the ErrNotModified sentinel.
	if resp.StatusCode == http.StatusNotModified {
		return resp, ErrNotModified
	}
	if resp.StatusCode != 200 && resp.StatusCode != 201 && resp.StatusCode != 202 && resp.StatusCode != 204 {
		defer DeferredCleanupHTTPResponse(resp)
		payload, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		return nil, ConstructError(resp.StatusCode, payload)
	}
	return resp, nil
}

// Get performs a GET request against the Redfish service.
func (c *TestClient) Get(url string) (*http.Response, error) {
	return c.performAction(http.MethodGet, url, nil, nil)
}

// GetWithHeaders performs a GET request against the Redfish service.
func (c *TestClient) GetWithHeaders(url string, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodGet, url, nil, customHeaders)
}

// Post performs a Post request against the Redfish service.
func (c *TestClient) Post(url string, payload any) (*http.Response, error) {
	return c.performAction(http.MethodPost, url, payload, nil)
}

// PostWithHeaders performs a Post request against the Redfish service.
func (c *TestClient) PostWithHeaders(url string, payload any, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodPost, url, payload, customHeaders)
}

// PostMultipart performs a Post request against the Redfish service.
func (c *TestClient) PostMultipart(url string, payload map[string]io.Reader) (*http.Response, error) {
	return c.performAction(http.MethodPost, url, payload, nil)
}

// PostMultipartWithHeaders performs a Post request against the Redfish service.
func (c *TestClient) PostMultipartWithHeaders(url string, payload map[string]io.Reader, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodPost, url, payload, customHeaders)
}

// Put performs a Put request against the Redfish service.
func (c *TestClient) Put(url string, payload any) (*http.Response, error) {
	return c.performAction(http.MethodPut, url, payload, nil)
}

// PutWithHeaders performs a Put request against the Redfish service.
func (c *TestClient) PutWithHeaders(url string, payload any, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodPut, url, payload, customHeaders)
}

// Patch performs a Patch request against the Redfish service.
func (c *TestClient) Patch(url string, payload any) (*http.Response, error) {
	return c.performAction(http.MethodPatch, url, payload, nil)
}

// PatchWithHeaders performs a Patch request against the Redfish service.
func (c *TestClient) PatchWithHeaders(url string, payload any, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodPatch, url, payload, customHeaders)
}

// Delete performs a Delete request against the Redfish service.
func (c *TestClient) Delete(url string) (*http.Response, error) {
	return c.performAction(http.MethodDelete, url, nil, nil)
}

// DeleteWithHeaders performs a Delete request against the Redfish service.
func (c *TestClient) DeleteWithHeaders(url string, customHeaders map[string]string) (*http.Response, error) {
	return c.performAction(http.MethodDelete, url, nil, customHeaders)
}

func (c *TestClient) GetSettings() ClientSettings {
	return c.Settings
}
