/**
 * The online patrol web app (网上巡查): accounts, sessions and CSRF, the role and unit-scope guards in front of every
 * /api route, board, live events and the static UI. Blocking work runs in {@code executeBlocking(…, false)}: requests
 * of one event loop must not queue behind each other's database calls (ordered is the Vert.x default).
 */
package cn.xuncha.review;
