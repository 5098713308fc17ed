import { Module } from '@nestjs/common';
import { PeopleModule } from '@leerkring/people';
import { AuditController } from '../audit/audit.controller';
import { AuthController } from '../auth/auth.controller';
import { MeController } from '../auth/me.controller';
import { SchoolsController } from '../schools/schools.controller';
import { PeopleController } from './people.controller';

/** HTTP for who-is-who: sign-in, me, people, schools, the audit log. */
@Module({
  imports: [PeopleModule],
  controllers: [AuthController, MeController, PeopleController, SchoolsController, AuditController],
})
export class PeopleApiModule {}
