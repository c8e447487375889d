/**
 * Mini-program page a subscribe-message card opens: `${NOTICE_DETAIL_PAGE}?id=<noticeId>` (a
 * sub-package page, out of the main package). Cards sent before it moved name
 * LEGACY_NOTICE_DETAIL_PAGE; the app redirects that path here (src/app.ts). In a file of their
 * own, without zod: src/app.ts needs them at launch, and the browser build's app.js should not
 * carry the schemas (首页's own chunks do).
 */
export const NOTICE_DETAIL_PAGE = 'subpackages/notice/pages/detail/index';
export const LEGACY_NOTICE_DETAIL_PAGE = 'pages/notices/detail';
