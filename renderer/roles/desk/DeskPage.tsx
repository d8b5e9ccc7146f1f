import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { parseDeskNo } from '../../app/role-paths';
import { RolePage } from '../../components/RolePage';

/** `/desk/:no`: one service window (filled by issue 4). A bad number is said, not guessed. */
export function DeskPage() {
  const { t } = useTranslation();
  const { no } = useParams();
  const deskNo = parseDeskNo(no);
  if (deskNo === null) {
    return (
      <RolePage role="desk" title={t('roles.desk')} intro={t('rolePage.deskIntro')}>
        <p role="alert" data-testid="desk-invalid">
          {t('rolePage.deskInvalid', { no: no ?? '' })}
        </p>
      </RolePage>
    );
  }
  return <RolePage role="desk" title={t('roles.deskNo', { no: deskNo })} intro={t('rolePage.deskIntro')} />;
}
