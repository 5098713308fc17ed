import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '../privacy/personal-data';
import { mapUnavailability, mapWorkingPattern } from './working-pattern.dto';
import { Unavailability, WorkingPattern, WorkingPatternBlock } from './working-pattern.entity';

/** A person's working pattern and unavailability in their data export; both are deleted on erasure. */
@Injectable()
export class WorkingPatternsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'workingPattern',
      export: async (personId, manager) => {
        const pattern = await manager.findOneBy(WorkingPattern, { personId });
        const blocks = pattern ? await manager.findBy(WorkingPatternBlock, { patternId: pattern.id }) : [];
        const unavailability = await manager.find(Unavailability, { where: { personId }, order: { startsAt: 'ASC' } });
        const { personId: _personId, ...week } = mapWorkingPattern(personId, pattern, blocks);
        return {
          ...week,
          unavailability: unavailability.map(mapUnavailability).map(({ personId: _owner, ...item }) => item),
        };
      },
      erase: async (personId, manager) => {
        const [patterns, unavailability] = await Promise.all([
          manager.delete(WorkingPattern, { personId }),
          manager.delete(Unavailability, { personId }),
        ]);
        return (patterns.affected ?? 0) + (unavailability.affected ?? 0);
      },
    });
  }
}
