import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../format/use-money';
import { usableCoupons, useTillPerks } from './till-queries';
import { useRewardValue } from './use-reward-value';

interface CouponPickerProps {
  memberId: string;
  money: Money;
  value: string[];
  onChange: (codes: string[]) => void;
}

const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Coupon codes for the basket: ticked from the member's usable coupons, or typed (a paper
 * voucher, a code read out from the app) and added with Enter.
 */
export function CouponPicker({ memberId, money, value, onChange }: CouponPickerProps) {
  const { t } = useTranslation();
  const rewardValue = useRewardValue(money);
  const perks = useTillPerks(memberId);
  const [typed, setTyped] = useState('');
  const coupons = usableCoupons(perks.data?.pages.flatMap((page) => page.items) ?? []);
  const isMembers = (code: string) => coupons.some((coupon) => sameCode(coupon.code, code));
  const typedCodes = value.filter((code) => !isMembers(code));

  const addTyped = () => {
    const code = typed.trim().toUpperCase();
    if (code !== '' && !value.some((other) => sameCode(other, code))) {
      onChange([...value, code]);
    }
    setTyped('');
  };

  return (
    <Stack gap="xs">
      {coupons.length > 0 && (
        <Checkbox.Group
          label={t('till.coupons.members')}
          value={coupons
            .filter((coupon) => value.some((code) => sameCode(code, coupon.code)))
            .map((coupon) => coupon.code)}
          onChange={(chosen) => onChange([...typedCodes, ...chosen])}
        >
          <Stack gap={6} mt={4}>
            {coupons.map((coupon) => (
              <Checkbox
                key={coupon.id}
                value={coupon.code}
                label={
                  <span>
                    <span dir="ltr">{coupon.code}</span>
                    {` · ${coupon.name} · ${rewardValue(coupon.type, coupon.value)}`}
                  </span>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('till.coupons.typed')}
          description={t('till.coupons.typedHint')}
          dir="ltr"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') {
              return;
            }
            event.preventDefault();
            addTyped();
          }}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button variant="default" onClick={addTyped}>
          {t('till.coupons.add')}
        </Button>
      </Group>
      {typedCodes.length > 0 && (
        <Group gap="xs">
          {typedCodes.map((code) => (
            <Group key={code} gap={4} wrap="nowrap">
              <Text size="sm" fw={500} dir="ltr">
                {code}
              </Text>
              <Button
                size="compact-xs"
                variant="outline"
                color="red.9"
                onClick={() => onChange(value.filter((other) => other !== code))}
                aria-label={t('till.coupons.removeNamed', { code })}
              >
                {t('till.coupons.remove')}
              </Button>
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}
