//
// SPDX-License-Identifier: BSD-3-Clause
//

package schemas
