// Chinese by default; English switch remembered in localStorage.
const zh = {
  'app.title': '网上巡查', 'nav.queue': '审核队列', 'nav.unit': '整改任务', 'nav.board': '挂图作战', 'nav.cameras': '摄像头',
  'nav.users': '用户', 'nav.logout': '退出', 'login.title': '登录', 'login.name': '用户名', 'login.password': '密码', 'login.submit': '登录',
  'filter.point': '点位', 'filter.unit': '责任单位', 'filter.category': '类别', 'filter.state': '状态', 'filter.sort': '排序',
  'sort.newest': '最新在前', 'sort.oldest': '最早在前', 'any': '全部', 'empty': '没有符合条件的案件',
  'before': '之前（参考）', 'after': '现在（检测）', 'crop': '局部', 'clearance': '自动核查', 'rectification': '整改照片',
  'keys': 'J/K 上/下一条 · Y 确认 · N 误报 · D 派遣 · C 改类别 · X 选择 · Shift+Y 批量确认 · Enter 打开',
  'act.confirm': '确认立案 (Y)', 'act.dismiss': '误报 (N)', 'act.dispatch': '派遣 (D)', 'act.category': '改类别 (C)',
  'act.close': '核查销号 (Y)', 'act.reject': '返工 (N)', 'act.rectify': '整改完成', 'act.open': '打开案件',
  'dismiss.reason': '误报原因', 'reason.shadow': '阴影/光线', 'reason.normal': '正常物品', 'reason.person': '行人/车辆', 'reason.other': '其他',
  'dispatch.unit': '派遣单位', 'dispatch.deadline': '整改时限', 'hours': '小时', 'ok': '确定', 'cancel': '取消', 'note': '说明',
  'photo': '照片（可选）', 'deadline': '时限', 'overdue': '超期', 'rebound': '反弹', 'reboundOf': '反弹自', 'remaining': '剩余',
  'history': '处置记录', 'evidence': '证据', 'case': '案件', 'point': '点位', 'camera': '摄像头', 'firstSeen': '首次发现',
  'lastSeen': '最近发现', 'detections': '检测次数', 'score': '置信度', 'state': '状态', 'unit': '责任单位', 'selected': '已选',
  'batch.confirm': '批量确认', 'batch.dismiss': '批量误报', 'today': '今日处理', 'assigned': '待整改', 'awaiting': '待核查',
  'cameras.state': '状态', 'cameras.since': '自', 'cameras.lastFrame': '最新画面', 'cameras.reconnects': '重连', 'cameras.error': '错误',
  'board.open': '在办', 'board.cases': '案件', 'users.add': '添加用户', 'role': '角色', 'role.reviewer': '巡查员', 'role.unit': '责任单位',
  'role.admin': '管理员', 'saved': '已保存', 'done': '已处理', 'lastFrame': '最新画面', 'all.cases': '全部案件',
  'state.PENDING': '待审核', 'state.DISMISSED': '误报', 'state.CONFIRMED': '已立案', 'state.DISPATCHED': '已派遣',
  'state.RECTIFIED': '已整改', 'state.CLOSED': '已销号',
  'cat.exposed_garbage': '暴露垃圾', 'cat.litter': '白色垃圾', 'cat.piling': '乱堆乱放', 'cat.illegal_parking': '乱停乱放',
  'cat.street_vending': '乱摆摊点', 'cat.blocked_passage': '占道堵塞',
  'worst.overdue': '超期', 'worst.rebound': '反弹', 'worst.open': '在办', 'worst.rectified': '待核查', 'worst.clear': '无问题',
  'health.ONLINE': '在线', 'health.STALLED': '卡顿', 'health.OFFLINE': '离线', 'health.CONNECTING': '连接中',
};
const en = {
  'app.title': 'Online patrol', 'nav.queue': 'Review queue', 'nav.unit': 'Rectification', 'nav.board': 'Board', 'nav.cameras': 'Cameras',
  'nav.users': 'Users', 'nav.logout': 'Log out', 'login.title': 'Log in', 'login.name': 'User name', 'login.password': 'Password',
  'login.submit': 'Log in', 'filter.point': 'Point', 'filter.unit': 'Unit', 'filter.category': 'Category', 'filter.state': 'State',
  'filter.sort': 'Sort', 'sort.newest': 'Newest first', 'sort.oldest': 'Oldest first', 'any': 'All', 'empty': 'No matching cases',
  'before': 'Before (reference)', 'after': 'Now (detected)', 'crop': 'Crop', 'clearance': 'Camera clearance', 'rectification': 'Rectification photo',
  'keys': 'J/K next/prev · Y confirm · N dismiss · D dispatch · C category · X select · Shift+Y confirm selected · Enter open',
  'act.confirm': 'Confirm (Y)', 'act.dismiss': 'Dismiss (N)', 'act.dispatch': 'Dispatch (D)', 'act.category': 'Category (C)',
  'act.close': 'Verify & close (Y)', 'act.reject': 'Reject (N)', 'act.rectify': 'Mark rectified', 'act.open': 'Open case',
  'dismiss.reason': 'Reason', 'reason.shadow': 'Shadow / light', 'reason.normal': 'Normal object', 'reason.person': 'Person / vehicle',
  'reason.other': 'Other', 'dispatch.unit': 'Unit', 'dispatch.deadline': 'Deadline', 'hours': 'hours', 'ok': 'OK', 'cancel': 'Cancel',
  'note': 'Note', 'photo': 'Photo (optional)', 'deadline': 'Deadline', 'overdue': 'Overdue', 'rebound': 'Rebound', 'reboundOf': 'Rebound of',
  'remaining': 'left', 'history': 'History', 'evidence': 'Evidence', 'case': 'Case', 'point': 'Point', 'camera': 'Camera',
  'firstSeen': 'First seen', 'lastSeen': 'Last seen', 'detections': 'Detections', 'score': 'Score', 'state': 'State', 'unit': 'Unit',
  'selected': 'selected', 'batch.confirm': 'Confirm selected', 'batch.dismiss': 'Dismiss selected', 'today': 'Today',
  'assigned': 'To rectify', 'awaiting': 'Awaiting verification', 'cameras.state': 'State', 'cameras.since': 'Since',
  'cameras.lastFrame': 'Latest frame', 'cameras.reconnects': 'Reconnects', 'cameras.error': 'Error', 'board.open': 'open',
  'board.cases': 'Cases', 'users.add': 'Add user', 'role': 'Role', 'role.reviewer': 'Reviewer', 'role.unit': 'Unit user',
  'role.admin': 'Admin', 'saved': 'Saved', 'done': 'Done', 'lastFrame': 'Latest frame', 'all.cases': 'All cases',
  'state.PENDING': 'Pending', 'state.DISMISSED': 'Dismissed', 'state.CONFIRMED': 'Confirmed', 'state.DISPATCHED': 'Dispatched',
  'state.RECTIFIED': 'Rectified', 'state.CLOSED': 'Closed',
  'cat.exposed_garbage': 'Exposed garbage', 'cat.litter': 'Litter', 'cat.piling': 'Piling', 'cat.illegal_parking': 'Illegal parking',
  'cat.street_vending': 'Street vending', 'cat.blocked_passage': 'Blocked passage',
  'worst.overdue': 'Overdue', 'worst.rebound': 'Rebound', 'worst.open': 'Open', 'worst.rectified': 'To verify', 'worst.clear': 'Clear',
  'health.ONLINE': 'Online', 'health.STALLED': 'Stalled', 'health.OFFLINE': 'Offline', 'health.CONNECTING': 'Connecting',
};

export const CATEGORIES = ['exposed_garbage', 'litter', 'piling', 'illegal_parking', 'street_vending', 'blocked_passage'];
export const STATES = ['PENDING', 'CONFIRMED', 'DISPATCHED', 'RECTIFIED', 'CLOSED', 'DISMISSED'];

let lang = localStorage.getItem('xuncha.lang') === 'en' ? 'en' : 'zh';

export function t(key) { return (lang === 'en' ? en : zh)[key] ?? key; }
export function currentLang() { return lang; }
export function toggleLang() {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('xuncha.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
/** Re-labels static elements marked with data-i18n. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}
export function fmtTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}
/** "3小时12分" / "3 h 12 min"; negative durations are shown as overdue by the caller. */
export function fmtDuration(ms) {
  const m = Math.floor(Math.abs(ms) / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), mm = m % 60;
  if (lang === 'zh') return (d ? d + '天' : '') + (h ? h + '小时' : '') + mm + '分';
  return (d ? d + ' d ' : '') + (h ? h + ' h ' : '') + mm + ' min';
}
