/**
 * Course reads: the resident search and the admin list (both declared on the list-search
 * engine, sharing one index), a course's detail and the «我在哪里» choices.
 */
export { COURSE_PAGE_SIZE, publicCourses, searchCourses, type CourseListValues, type CourseSearchResult } from './list';
export { ADMIN_COURSE_PAGE_SIZE, adminCourses, listCoursesForAdmin, type AdminCourseResult, type AdminCourseRow, type AdminCourseValues } from './admin-list';
export type { CourseCardData, CourseCardRun } from './cards';
export { getCourseDetail, getCourseTitle, type CourseDetail, type LinkedJob, type PlaceInfo, type RunDetail } from './detail';
export { listCourseOrigins, type CourseOrigins, type OriginOption } from './origins';
export { WHEN_OPTIONS, type When } from './filters';
export { courseListContext, openCoursesOfOccupation, type CourseListContext } from './from-list';
