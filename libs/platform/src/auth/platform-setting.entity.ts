import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Values the platform generates once and keeps (e.g. the member-token signing secret). */
@Entity({ name: 'platform_settings' })
export class PlatformSettingEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  value!: string;
}
