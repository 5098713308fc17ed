import { COACHING_ENTITIES } from '@leerkring/coaching';
import { INTERVISION_ENTITIES } from '@leerkring/intervision';
import { NOTIFICATION_ENTITIES } from '@leerkring/notifications';
import { PEOPLE_ENTITIES } from '@leerkring/people';
import { CALENDAR_FEED_ENTITIES, SCHEDULING_ENTITIES } from '@leerkring/scheduling';
import { THEME_MEETING_ENTITIES } from '@leerkring/theme-meetings';

/** Every entity of every library: what migrations are generated against and what tests read with. */
export const ALL_ENTITIES = [
  ...PEOPLE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...SCHEDULING_ENTITIES,
  ...CALENDAR_FEED_ENTITIES,
  ...THEME_MEETING_ENTITIES,
  ...COACHING_ENTITIES,
  ...INTERVISION_ENTITIES,
];
