package health

import "math"

// Fit is a robust straight line y = Intercept + Slope*t with the scatter of
// the points around it.
type Fit struct {
	Slope, Intercept float64
	// Sigma is the robust standard deviation of the residuals
	// (1.4826 x median absolute residual).
	Sigma float64
}

// maxFitPoints bounds the O(n^2) pairwise slopes of TheilSen; longer series
// are thinned evenly.
const maxFitPoints = 160

// TheilSen fits a line through (t, y) with the Theil-Sen estimator: the
// median of the pairwise slopes, then the median intercept. Up to ~29% of
// the points can be outliers without moving it. t and y have equal length.
func TheilSen(t, y []float64) Fit {
	n := len(t)
	if n != len(y) || n < 2 {
		return Fit{}
	}
	if n > maxFitPoints {
		tt, yy := make([]float64, maxFitPoints), make([]float64, maxFitPoints)
		for i := range maxFitPoints {
			j := i * (n - 1) / (maxFitPoints - 1)
			tt[i], yy[i] = t[j], y[j]
		}
		t, y, n = tt, yy, maxFitPoints
	}
	slopes := make([]float64, 0, n*(n-1)/2)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if dt := t[j] - t[i]; dt != 0 {
				slopes = append(slopes, (y[j]-y[i])/dt)
			}
		}
	}
	if len(slopes) == 0 {
		return Fit{}
	}
	m := median(slopes)
	icpt := make([]float64, n)
	for i := range n {
		icpt[i] = y[i] - m*t[i]
	}
	b := median(icpt)
	res := make([]float64, n)
	for i := range n {
		res[i] = math.Abs(y[i] - (b + m*t[i]))
	}
	return Fit{Slope: m, Intercept: b, Sigma: 1.4826 * median(res)}
}

// median returns the median of v, reordering v (quickselect: linear time
// on average, against n log n for a sort; the pairwise slopes are many).
func median(v []float64) float64 {
	n := len(v)
	if n == 0 {
		return 0
	}
	hi := selectK(v, n/2)
	if n%2 == 1 {
		return hi
	}
	// The lower middle is the largest of the elements left of n/2.
	lo := v[0]
	for _, x := range v[1 : n/2] {
		if x > lo {
			lo = x
		}
	}
	return (lo + hi) / 2
}

// selectK partially orders v so that v[k] is the k-th smallest and
// everything before it is no larger, and returns v[k].
func selectK(v []float64, k int) float64 {
	lo, hi := 0, len(v)-1
	for lo < hi {
		// Median of three as the pivot.
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		pivot := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < pivot {
				i++
			}
			for v[j] > pivot {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return v[k]
		}
	}
	return v[k]
}
