package org.rcsweep.spec;

/**
 * A shift register: x_0(t+1) = u(t+1), x_i(t+1) = x_{i−1}(t). Its memory is exactly m_k = 1 for k &lt; N and 0 beyond,
 * which makes it the first oracle of every capacity estimator.
 */
public record DelayLineSpec() implements ModelSpec {
    public static final String KIND = "delay-line";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String canonical() {
        return KIND + "{}";
    }

    @Override
    public boolean supports(Knob knob) {
        return knob == Knob.NONE;
    }
}
