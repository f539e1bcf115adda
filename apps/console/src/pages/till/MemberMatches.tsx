import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format';
import type { Member } from '../members/member/member-queries';

interface MemberMatchesProps {
  members: Member[];
  onChoose: (member: Member) => void;
}

/**
 * Several members matched: one button each, the first focused so Enter takes it, the arrow keys
 * move between them.
 */
export function MemberMatches({ members, onChoose }: MemberMatchesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('button')?.focus();
  }, [members]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step === undefined || list.current === null) {
      return;
    }
    const buttons = Array.from(list.current.querySelectorAll('button'));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + step + buttons.length) % buttons.length];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="till-matches-title">
        {t('till.find.several', { shown: format.number(members.length) })}
      </Text>
      <ul
        ref={list}
        onKeyDown={onKeyDown}
        aria-labelledby="till-matches-title"
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}
      >
        {members.map((member) => (
          <li key={member.id}>
            <Button
              variant="default"
              fullWidth
              justify="flex-start"
              onClick={() => onChoose(member)}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
              h="auto"
              py={6}
            >
              <span>
                {member.name ?? t('till.member.noName')}
                {' · '}
                <span dir="ltr">{format.digits(member.cardNumber)}</span>
                {member.phone !== null && (
                  <>
                    {' · '}
                    <span dir="ltr">{format.digits(member.phone)}</span>
                  </>
                )}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
