package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.cases.CaseAction;
import cn.xuncha.cases.CaseState;
import org.junit.jupiter.api.Test;

/** The role table and the per-role case actions, without a server. */
class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void onlyLoginAndTheSpecArePublic() {
        assertTrue(policy.isPublic("POST", "/api/login"));
        assertTrue(policy.isPublic("GET", "/api/openapi.yaml"));
        assertFalse(policy.isPublic("GET", "/api/login"));
        assertFalse(policy.isPublic("GET", "/api/cases"));
        assertFalse(policy.isPublic("GET", "/api/openapiXyaml"));
    }

    @Test
    void camerasAreForStaffUsersForAdmins() {
        assertTrue(policy.allows(Role.REVIEWER, "GET", "/api/cameras/c1/latest.jpg"));
        assertTrue(policy.isPublic("GET", "/api/cameras"), "health list is public monitoring data");
        assertFalse(policy.isPublic("GET", "/api/cameras/c1/latest.jpg"));
        assertFalse(policy.allows(Role.UNIT, "GET", "/api/cameras/c1/latest.jpg"));
        assertFalse(policy.allows(Role.REVIEWER, "POST", "/api/users"));
        assertTrue(policy.allows(Role.ADMIN, "POST", "/api/users"));
        assertTrue(policy.allows(Role.UNIT, "POST", "/api/cases/7/transitions"));
        assertFalse(policy.allows(Role.UNIT, "DELETE", "/api/cases/7"));
    }

    @Test
    void unknownRoutesAreAdminOnly() {
        assertFalse(policy.allows(Role.REVIEWER, "GET", "/api/not-yet-decided"));
        assertFalse(policy.allows(Role.UNIT, "GET", "/api/not-yet-decided"));
        assertTrue(policy.allows(Role.ADMIN, "GET", "/api/not-yet-decided"));
    }

    @Test
    void reportsAreForStaff() {
        assertTrue(policy.allows(Role.REVIEWER, "GET", "/api/reports/2026-11-28.xlsx"));
        assertFalse(policy.allows(Role.UNIT, "GET", "/api/reports"));
    }

    @Test
    void eachRoleHasItsOwnCaseActions() {
        assertTrue(CaseScope.mayAct(Role.UNIT, CaseAction.RECTIFY, null));
        assertTrue(CaseScope.mayAct(Role.UNIT, null, CaseState.RECTIFIED));
        assertFalse(CaseScope.mayAct(Role.UNIT, CaseAction.CLOSE, null));
        assertFalse(CaseScope.mayAct(Role.UNIT, null, CaseState.CLOSED));
        assertFalse(CaseScope.mayAct(Role.UNIT, null, null));
        assertTrue(CaseScope.mayAct(Role.REVIEWER, CaseAction.DISPATCH, null));
        assertFalse(CaseScope.mayAct(Role.REVIEWER, CaseAction.RECTIFY, null));
        assertFalse(CaseScope.mayAct(Role.REVIEWER, null, CaseState.RECTIFIED));
        assertTrue(CaseScope.mayAct(Role.ADMIN, CaseAction.RECTIFY, null));
    }
}
