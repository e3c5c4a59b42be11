import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { RouteError } from '../components/RouteError.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { Shell } from './Shell.tsx';

/* Every page is its own chunk: the first load carries only the shell. */
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const AreasPage = lazy(() => import('../features/areas/AreasPage.tsx'));
const OrganizationsPage = lazy(() => import('../features/organizations/OrganizationsPage.tsx'));
const OrganizationPage = lazy(() => import('../features/organizations/OrganizationPage.tsx'));
const UsersPage = lazy(() => import('../features/users/UsersPage.tsx'));
const UserNewPage = lazy(() => import('../features/users/UserNewPage.tsx'));
const UserPage = lazy(() => import('../features/users/UserPage.tsx'));
const PersonsPage = lazy(() => import('../features/persons/PersonsPage.tsx'));
const RegisterPage = lazy(() => import('../features/persons/wizard/RegisterPage.tsx'));
const PersonPage = lazy(() => import('../features/persons/profile/PersonPage.tsx'));
const PersonEditPage = lazy(() => import('../features/persons/profile/PersonEditPage.tsx'));
const HouseholdsPage = lazy(() => import('../features/households/HouseholdsPage.tsx'));
const HouseholdPage = lazy(() => import('../features/households/HouseholdPage.tsx'));
const ImportsPage = lazy(() => import('../features/imports/ImportsPage.tsx'));
const ImportJobPage = lazy(() => import('../features/imports/ImportJobPage.tsx'));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const InstrumentPickerPage = lazy(() => import('../features/screenings/InstrumentPickerPage.tsx'));
const ScreeningFlowPage = lazy(() => import('../features/screenings/ScreeningFlowPage.tsx'));
const ScreeningResultPage = lazy(() => import('../features/screenings/ScreeningResultPage.tsx'));
const DueListPage = lazy(() => import('../features/screenings/DueListPage.tsx'));
const WorseListPage = lazy(() => import('../features/screenings/WorseListPage.tsx'));
const CorrectionPage = lazy(() => import('../features/screenings/CorrectionPage.tsx'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage.tsx'));
const ClaimPage = lazy(() => import('../features/citizen/ClaimPage.tsx'));
const MyDataPage = lazy(() => import('../features/citizen/MyDataPage.tsx'));
const MyDataPrintPage = lazy(() => import('../features/citizen/MyDataPrintPage.tsx'));
const GroupsPage = lazy(() => import('../features/groups/GroupsPage.tsx'));
const GroupNewPage = lazy(() => import('../features/groups/GroupNewPage.tsx'));
const GroupPage = lazy(() => import('../features/groups/GroupPage.tsx'));
const MyPeoplePage = lazy(() => import('../features/groups/MyPeoplePage.tsx'));
const PlanNewPage = lazy(() => import('../features/plans/PlanNewPage.tsx'));
const PlanPage = lazy(() => import('../features/plans/PlanPage.tsx'));
const PlanProgressPage = lazy(() => import('../features/plans/PlanProgressPage.tsx'));
const ActivitiesPage = lazy(() => import('../features/plans/ActivitiesPage.tsx'));
const ActivityNewPage = lazy(() => import('../features/plans/ActivityNewPage.tsx'));
const ActivityPage = lazy(() => import('../features/plans/ActivityPage.tsx'));
const PlanTasksPage = lazy(() => import('../features/plans/PlanTasksPage.tsx'));
const ActivityGroupsPage = lazy(() => import('../features/activityGroups/ActivityGroupsPage.tsx'));
const ActivityGroupNewPage = lazy(() => import('../features/activityGroups/ActivityGroupNewPage.tsx'));
const ActivityGroupPage = lazy(() => import('../features/activityGroups/ActivityGroupPage.tsx'));
const AttendancePage = lazy(() => import('../features/activityGroups/AttendancePage.tsx'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx'));
const ReportPeoplePage = lazy(() => import('../features/reports/PeoplePage.tsx'));
const ReportPresentPage = lazy(() => import('../features/reports/PresentPage.tsx'));
const ReportPrintPage = lazy(() => import('../features/reports/PrintPage.tsx'));
const CalendarPage = lazy(() => import('../features/visits/CalendarPage.tsx'));
const VisitNewPage = lazy(() => import('../features/visits/VisitNewPage.tsx'));
const VisitPage = lazy(() => import('../features/visits/VisitPage.tsx'));
const ReferralsPage = lazy(() => import('../features/referrals/ReferralsPage.tsx'));
const ReferralPage = lazy(() => import('../features/referrals/ReferralPage.tsx'));
const ReferPage = lazy(() => import('../features/referrals/ReferPage.tsx'));
const AssistanceNewPage = lazy(() => import('../features/assistance/AssistanceNewPage.tsx'));
const AssistanceTotalsPage = lazy(() => import('../features/assistance/AssistanceTotalsPage.tsx'));
const TransportQueuePage = lazy(() => import('../features/transport/TransportQueuePage.tsx'));
const TransportPage = lazy(() => import('../features/transport/TransportPage.tsx'));
const TransportNewPage = lazy(() => import('../features/transport/TransportNewPage.tsx'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/claim', element: <ClaimPage /> },
    ],
  },
  {
    // The printable page of a citizen's data: no menus around it on paper.
    path: '/me/print',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={null}>
          <MyDataPrintPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    // The area report as slides for the forum and on paper: the whole screen or page, no menus.
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { path: '/reports/present', element: <ReportPresentPage /> },
      { path: '/reports/print', element: <ReportPrintPage /> },
    ],
  },
  {
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, path: '/', element: <HomePage /> },
      { path: '/areas', element: <AreasPage /> },
      { path: '/areas/:code', element: <AreasPage /> },
      { path: '/organizations', element: <OrganizationsPage /> },
      { path: '/organizations/new', element: <OrganizationPage /> },
      { path: '/organizations/:id', element: <OrganizationPage /> },
      { path: '/users', element: <UsersPage /> },
      { path: '/users/new', element: <UserNewPage /> },
      { path: '/users/:id', element: <UserPage /> },
      { path: '/persons', element: <PersonsPage /> },
      { path: '/persons/new', element: <RegisterPage /> },
      { path: '/persons/:id', element: <PersonPage /> },
      { path: '/persons/:id/edit', element: <PersonEditPage /> },
      { path: '/persons/:id/screen', element: <InstrumentPickerPage /> },
      { path: '/persons/:id/screen/:instrument', element: <ScreeningFlowPage /> },
      { path: '/screenings/due', element: <DueListPage /> },
      { path: '/screenings/worse', element: <WorseListPage /> },
      { path: '/screenings/:id', element: <ScreeningResultPage /> },
      { path: '/screenings/:id/correct', element: <CorrectionPage /> },
      { path: '/inbox', element: <InboxPage /> },
      { path: '/households', element: <HouseholdsPage /> },
      { path: '/households/:id', element: <HouseholdPage /> },
      { path: '/imports', element: <ImportsPage /> },
      { path: '/imports/:id', element: <ImportJobPage /> },
      { path: '/groups', element: <GroupsPage /> },
      { path: '/groups/new', element: <GroupNewPage /> },
      { path: '/groups/:id', element: <GroupPage /> },
      { path: '/my-people', element: <MyPeoplePage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '/me', element: <MyDataPage /> },
      { path: '/persons/:id/plans/new', element: <PlanNewPage /> },
      { path: '/plans/:id', element: <PlanPage /> },
      { path: '/plans/:id/progress', element: <PlanProgressPage /> },
      { path: '/activities', element: <ActivitiesPage /> },
      { path: '/activities/new', element: <ActivityNewPage /> },
      { path: '/activities/:id', element: <ActivityPage /> },
      { path: '/plan-tasks', element: <PlanTasksPage /> },
      { path: '/activity-groups', element: <ActivityGroupsPage /> },
      { path: '/activity-groups/new', element: <ActivityGroupNewPage /> },
      { path: '/activity-groups/:id', element: <ActivityGroupPage /> },
      { path: '/activity-groups/:id/attendance', element: <AttendancePage /> },
      { path: '/reports', element: <ReportsPage /> },
      { path: '/reports/people', element: <ReportPeoplePage /> },
      { path: '/calendar', element: <CalendarPage /> },
      { path: '/persons/:id/visits/new', element: <VisitNewPage /> },
      { path: '/visits/:id', element: <VisitPage /> },
      { path: '/referrals', element: <ReferralsPage /> },
      { path: '/referrals/:id', element: <ReferralPage /> },
      { path: '/persons/:id/refer', element: <ReferPage /> },
      { path: '/persons/:id/assistance/new', element: <AssistanceNewPage /> },
      { path: '/assistance', element: <AssistanceTotalsPage /> },
      { path: '/transport', element: <TransportQueuePage /> },
      { path: '/transport/:id', element: <TransportPage /> },
      { path: '/persons/:id/transport/new', element: <TransportNewPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
