package cn.xuncha.cases;

/** A transition the lifecycle does not allow from the case's current state (HTTP 409). */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
