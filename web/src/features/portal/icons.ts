import {
  IconBriefcase,
  IconBuilding,
  IconCalendar,
  IconCar,
  IconCash,
  IconCertificate,
  IconDeviceLaptop,
  IconFileText,
  IconFolder,
  IconHeartHandshake,
  IconId,
  IconKey,
  IconMail,
  IconPackage,
  IconPhone,
  IconPlane,
  IconReceipt,
  IconSchool,
  IconShoppingCart,
  IconTool,
  IconTruck,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

type Icon = ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;

/** Category icon names (`service_categories.icon`) as Tabler icons; an unknown name shows a folder. */
const ICONS: Record<string, Icon> = {
  briefcase: IconBriefcase,
  building: IconBuilding,
  calendar: IconCalendar,
  car: IconCar,
  cash: IconCash,
  certificate: IconCertificate,
  laptop: IconDeviceLaptop,
  file: IconFileText,
  folder: IconFolder,
  heart: IconHeartHandshake,
  id: IconId,
  'id-badge': IconId,
  key: IconKey,
  mail: IconMail,
  package: IconPackage,
  phone: IconPhone,
  plane: IconPlane,
  receipt: IconReceipt,
  school: IconSchool,
  'shopping-cart': IconShoppingCart,
  tool: IconTool,
  truck: IconTruck,
  users: IconUsers,
};

export function categoryIcon(name: string): Icon {
  return ICONS[name] ?? IconFolder;
}
