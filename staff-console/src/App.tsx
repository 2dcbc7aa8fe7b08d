import { LogoutOutlined } from '@ant-design/icons'
import { Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd'
import { lazy, Suspense, useMemo } from 'react'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom'
import { useConsole } from './context'
import { canAdminSchools, canReview, canViewSchools, homeOf, isOperator, navFor, ROLE_LABELS } from './lib/session'

const ReviewPage = lazy(() => import('./pages/ReviewPage'))
const BatchesPage = lazy(() => import('./pages/BatchesPage'))
const RosterPage = lazy(() => import('./pages/RosterPage'))
const ProgressPage = lazy(() => import('./pages/ProgressPage'))
const PackagesPage = lazy(() => import('./pages/PackagesPage'))
const OrdersPage = lazy(() => import('./pages/OrdersPage'))
const UnbindPage = lazy(() => import('./pages/UnbindPage'))
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'))
const DeadLettersPage = lazy(() => import('./pages/DeadLettersPage'))

export function App() {
  const { session, auth } = useConsole()
  const navigate = useNavigate()
  const location = useLocation()
  const nav = navFor(session)
  const menu = useMemo(() => {
    const groups = [...new Set(nav.map((n) => n.group))]
    return groups.map((g) => ({
      type: 'group' as const,
      key: g,
      label: g,
      children: nav.filter((n) => n.group === g).map((n) => ({ key: n.key, label: n.label })),
    }))
  }, [nav])
  const denied = <Result status="403" title="无权访问" subTitle="您的账号没有此功能的权限。" />
  const guard = (allowed: boolean, el: React.ReactNode) => (allowed ? el : denied)

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>GradPhoto 管理台</div>
        <Menu
          id="nav"
          mode="inline"
          items={menu}
          selectedKeys={[nav.find((n) => location.pathname.startsWith(n.key))?.key ?? '']}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', height: 52, lineHeight: '52px', borderBottom: '1px solid #f0f0f0' }}>
          <Space style={{ float: 'right' }}>
            <span id="who" data-roles={session.roles.join(' ')}>
              <Typography.Text strong>{session.name}</Typography.Text>{' '}
              {session.roles.map((r) => (
                <Tag key={r} color="blue" data-role={r}>
                  {ROLE_LABELS[r]}（{r}）
                </Tag>
              ))}
              {!session.allSchools && session.schools.length > 0 && <Tag>学校 {session.schools.join('、')}</Tag>}
            </span>
            <Button id="b-signout" icon={<LogoutOutlined />} onClick={() => void auth.signOut()}>
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/" element={<Navigate to={homeOf(session)} replace />} />
              <Route path="/review" element={guard(canReview(session), <ReviewPage />)} />
              <Route path="/batches" element={guard(canAdminSchools(session), <BatchesPage />)} />
              <Route path="/roster" element={guard(canViewSchools(session), <RosterPage />)} />
              <Route path="/progress" element={guard(canViewSchools(session), <ProgressPage />)} />
              <Route path="/packages" element={guard(canViewSchools(session), <PackagesPage />)} />
              <Route path="/orders" element={guard(isOperator(session), <OrdersPage />)} />
              <Route path="/unbind" element={guard(isOperator(session), <UnbindPage />)} />
              <Route path="/notifications" element={guard(isOperator(session), <NotificationsPage />)} />
              <Route path="/dead-letters" element={guard(isOperator(session), <DeadLettersPage />)} />
              <Route path="/none" element={<Result status="info" title="您的账号尚未分配管理台角色" subTitle="请联系运营开通审核员、学校管理员或运营角色。" />} />
              <Route path="*" element={<Result status="404" title="页面不存在" />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
