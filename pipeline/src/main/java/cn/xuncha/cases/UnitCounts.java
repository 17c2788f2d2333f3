package cn.xuncha.cases;

/**
 * Case counts of one responsible unit, for the board and the report.
 *
 * @param unit null for cases no unit is responsible for yet
 * @param open pending, confirmed, dispatched or rectified
 * @param overdue cases whose deadline passed before rectification (marked, or dispatched and past it now)
 * @param rebounds 反弹 cases, re-appeared after a closure, counted against the unit
 * @param closed 已销号
 */
public record UnitCounts(String unit, int open, int overdue, int rebounds, int closed) {}
