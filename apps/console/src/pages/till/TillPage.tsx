import { Grid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { StaffSession } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { useMember, type Member } from '../members/member/member-queries';
import { Basket } from './Basket';
import { FindMember } from './FindMember';
import { MemberPerks } from './MemberPerks';
import { MemberPresent } from './MemberPresent';
import { RedeemRewards } from './RedeemRewards';
import { ReturnForm } from './ReturnForm';
import { useTillProgram, type TillProgram } from './till-program';

/** The member's basket, once their balance is known (the points-to-redeem hint shows it). */
function MemberBasket(props: {
  memberId: string;
  storeId: string | null;
  program: TillProgram;
  onCheckedOut: (orderId: string) => void;
}) {
  const { money } = useTillProgram();
  const member = useMember(props.memberId);
  return (
    <Basket
      memberId={props.memberId}
      available={member.data?.points.available ?? 0}
      storeId={props.storeId}
      program={props.program}
      money={money(props.program)}
      onCheckedOut={(result) => props.onCheckedOut(result.orderId)}
    />
  );
}

/**
 * /till: the cashier serves the member at the counter — find or enrol them, see their points,
 * coupons and rewards, check a basket out, redeem a reward, take a return — for the store the
 * session is bound to (an admin names one).
 */
export default function TillPage() {
  const { t } = useTranslation();
  const session = useOutletContext<StaffSession>();
  const { program, money } = useTillProgram();
  const findField = useRef<HTMLInputElement>(null);
  const [member, setMember] = useState<Member | null>(null);
  // A cashier acts for the store their account is bound to; an admin names the store served.
  const boundStore = session.user.role === 'cashier' ? session.user.storeId : null;
  const [namedStore, setNamedStore] = useState(session.user.storeId ?? '');
  const [lastOrderId, setLastOrderId] = useState('');
  const storeId = boundStore ?? (namedStore.trim() === '' ? null : namedStore.trim());

  const nextCustomer = () => {
    setMember(null);
    findField.current?.focus();
  };

  return (
    <Stack>
      <Title order={1}>{t('till.title')}</Title>
      {boundStore !== null ? (
        <Text size="sm">
          {t('till.store.bound')} <span dir="ltr">{boundStore}</span>
        </Text>
      ) : (
        <TextInput
          label={t('till.store.label')}
          description={t('till.store.hint')}
          dir="ltr"
          maw={320}
          value={namedStore}
          onChange={(event) => setNamedStore(event.currentTarget.value)}
        />
      )}
      <QueryState query={program}>
        {(settings) => (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <FindMember inputRef={findField} onFound={setMember} />
                <VisuallyHidden role="status">
                  {member !== null && t('till.serving', { name: member.name ?? member.cardNumber })}
                </VisuallyHidden>
                {member !== null && (
                  <>
                    <MemberPresent
                      key={`present-${member.id}`}
                      memberId={member.id}
                      money={money(settings)}
                      onDone={nextCustomer}
                    />
                    <MemberPerks
                      key={`perks-${member.id}`}
                      memberId={member.id}
                      money={money(settings)}
                    />
                    <RedeemRewards
                      key={`rewards-${member.id}`}
                      memberId={member.id}
                      money={money(settings)}
                    />
                  </>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                {member !== null ? (
                  <MemberBasket
                    key={`basket-${member.id}`}
                    memberId={member.id}
                    storeId={storeId}
                    program={settings}
                    onCheckedOut={setLastOrderId}
                  />
                ) : (
                  <Text c="dimmed">{t('till.basket.findFirst')}</Text>
                )}
                <ReturnForm key={`return-${lastOrderId}`} orderId={lastOrderId} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </Stack>
  );
}
