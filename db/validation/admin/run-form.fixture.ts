/**
 * A complete, valid run form as the browser sends it (strings), for the schema tests and the
 * tests of the words the forms show. Test data only: nothing in the app imports it.
 */
export const RUN_FORM = {
  courseId: '1',
  label: '第1期',
  startDate: '2026-12-14',
  endDate: '2026-12-18',
  classDays: ['3', '1'],
  dailyStart: '09:00',
  dailyEnd: '16:00',
  theoryPlaceId: '3',
  practicePlaceId: '',
  seats: '30',
  seatsLeft: '30',
  deadline: '2026-12-10',
  costType: 'subsidy',
  fee: '1200',
  subsidy: '800',
  contactName: '李老师',
  contactPhone: '010-63800001',
  note: '',
  certificates: [],
  groups: [],
};
