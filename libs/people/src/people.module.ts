import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@leerkring/notifications';
import { AccessGuard } from './access/access.guard';
import { AccessPolicy } from './access/access-policy';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditLog } from './audit/audit-log';
import { ApiTokens } from './auth/api-tokens';
import { ApiToken, AuthSession, LoginLink } from './auth/auth.entities';
import { Authenticator } from './auth/authenticator';
import { LoginLinks } from './auth/login-links';
import { Sessions } from './auth/sessions';
import { Closure } from './calendar/closure.entity';
import { SchoolCalendarFeed } from './calendar/feed/school-calendar-feed.entity';
import { Foundation } from './foundation/foundation.entity';
import { SchoolMembership } from './persons/membership.entity';
import { Person } from './persons/person.entity';
import { PersonsService } from './persons/persons.service';
import { School } from './schools/school.entity';
import { PeoplePersonalData } from './privacy/people-personal-data';
import { PersonalDataRegistry } from './privacy/personal-data';
import { PrivacyService } from './privacy/privacy.service';
import { Retention } from './privacy/retention';
import { SchoolsService } from './schools/schools.service';
import { Unavailability, WorkingPattern, WorkingPatternBlock } from './working-patterns/working-pattern.entity';

export const PEOPLE_ENTITIES = [
  Foundation,
  School,
  Person,
  SchoolMembership,
  LoginLink,
  AuthSession,
  ApiToken,
  AuditEvent,
  Closure,
  SchoolCalendarFeed,
  WorkingPattern,
  WorkingPatternBlock,
  Unavailability,
];

const SERVICES = [
  AccessPolicy,
  AccessGuard,
  AuditLog,
  ApiTokens,
  Authenticator,
  LoginLinks,
  Sessions,
  PersonsService,
  SchoolsService,
  PersonalDataRegistry,
  PrivacyService,
  Retention,
];

/** Who is who: schools, people, memberships; how they sign in; what they may see; the audit log. */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_ENTITIES), MailModule],
  providers: [...SERVICES, PeoplePersonalData],
  exports: [TypeOrmModule, ...SERVICES],
})
export class PeopleModule {}
