//
// SPDX-License-Identifier: BSD-3-Clause
//

// http://redfish.dmtf.org/schemas/v1/VCATEntry.v1_0_3.json
// 2019.4 - #VCATEntry.v1_0_3.VCATEntry

package schemas

import (
	"encoding/json"
)

// VCATEntry shall represent an entry of Virtual Channel Action Table in a
// Redfish implementation.
type VCATEntry struct {
	Entity
	// ODataContext is the odata context.
	ODataContext string `json:"@odata.context"`
	// ODataType is the odata type.
	ODataType string `json:"@odata.type"`
	// OEM shall contain the OEM extensions. All values for properties that this
	// object contains shall conform to the Redfish Specification-described
	// requirements.
	OEM json.RawMessage `json:"Oem"`
	// RawEntryHex shall contain the hexadecimal value of the Virtual Channel
	// Action Table entries. The length of the hexadecimal value depends on the
	// number of Virtual Channel Action entries supported by the component.
	RawEntryHex string
	// VCEntries shall contain an array of entries of the Virtual Channel Action
	// Table. The length of the array depends on the number of Virtual Channel
	// Action entries supported by the component.
	VCEntries []VCATableEntry
	// RawData holds the original serialized JSON so we can compare updates.
	RawData []byte
}

// UnmarshalJSON unmarshals a VCATEntry object from the raw JSON.
func (v *VCATEntry) UnmarshalJSON(b []byte) error {
	type temp VCATEntry
	var tmp struct {
		temp
	}

	err := json.Unmarshal(b, &tmp)
	if err != nil {
		return err
	}

	*v = VCATEntry(tmp.temp)

	// Extract the links to other entities for later

	// This is a read/write object, so we need to save the raw object data for later
	v.RawData = b

	return nil
}

// Update commits updates to this object's properties to the running system.
func (v *VCATEntry) Update() error {
	readWriteFields := []string{
		"RawEntryHex",
	}

	return v.UpdateFromRawData(v, v.RawData, readWriteFields)
}

// GetVCATEntry will get a VCATEntry instance from the service.
func GetVCATEntry(c Client, uri string) (*VCATEntry, error) {
	return GetObject[VCATEntry](c, uri)
}

// ListReferencedVCATEntrys gets the collection of VCATEntry from
// a provided reference.
func ListReferencedVCATEntrys(c Client, link string) ([]*VCATEntry, error) {
	return GetCollectionObjects[VCATEntry](c, link)
}

// VCATableEntry shall contain a Virtual Channel entry definition that describes
// a specific Virtual Channel.
type VCATableEntry struct {
	// Threshold shall contain the Gen-Z Core Specification-defined 'TH' 7-bit
	// threshold.
	Threshold string
	// VCMask shall contain a 32-bit value where the bits correspond to a supported
	// Virtual Channel.
	VCMask string
}
