package fasterjava.basics.growth;

import fasterjava.basics.TopicReport;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A straight line fitted by least squares to log(seconds) over log(n): if time grows as c·n^k, the slope is k.
 * Points flagged {@link TopicReport.Point#nearResolution()} are left out, since their times say more about the
 * timer than about the function. Commons Math's {@link SimpleRegression} does the fitting.
 *
 * @param exponent the slope k (NaN with fewer than two usable points)
 * @param logCoefficient the intercept ln(c), so that seconds ≈ e^logCoefficient · n^exponent
 * @param rSquared the share of the variance of log(seconds) the line explains (1 = every point on the line)
 * @param pointsUsed how many points the fit used
 */
public record ExponentFit(double exponent, double logCoefficient, double rSquared, int pointsUsed) {

    /** Fits the points that are above the timer's resolution and have positive n and time. */
    public static ExponentFit of(List<TopicReport.Point> points) {
        SimpleRegression regression = new SimpleRegression();
        int used = 0;
        for (TopicReport.Point point : points) {
            if (!point.nearResolution() && point.n() > 0 && point.seconds() > 0) {
                regression.addData(Math.log(point.n()), Math.log(point.seconds()));
                used++;
            }
        }
        if (used < 2) {
            return new ExponentFit(Double.NaN, Double.NaN, Double.NaN, used);
        }
        double rSquared = regression.getRSquare();
        // All points at one time (a flat line) leave no variance to explain: the fit is exact.
        return new ExponentFit(regression.getSlope(), regression.getIntercept(), Double.isNaN(rSquared) ? 1
                : rSquared, used);
    }

    /** Seconds the fitted line predicts at size {@code n}. */
    public double secondsAt(double n) {
        return Math.exp(logCoefficient + exponent * Math.log(n));
    }
}
